// Per-example collision cross-entropy H₂(y, σ) = −ln Σ_k y_k σ_k from
// logits, with its closed-form gradient (Zhang and Boykov, arXiv:2303.07321).
import * as tf from '@tensorflow/tfjs-core';
import type {
  GradSaveFunc,
  Tensor,
  Tensor1D,
  Tensor2D,
} from '@tensorflow/tfjs-core';
import { LOG_ZERO } from '../constants.js';

/** Row maxima, shifted exponentials and their sums of `x` [N, K]. */
function shiftedExp(x: Tensor): { max: Tensor; exps: Tensor; sums: Tensor } {
  const max = tf.max(x, 1, true); // [N, 1]
  const exps = tf.exp(tf.sub(x, max)); // [N, K]
  return { max, exps, sums: tf.sum(exps, 1, true) };
}

// NOTE [collision gradient]
// H₂ = logsumexp(l) − logsumexp(l + ln y). Its gradient w.r.t. the logits
// is σ − p with p = y ⊙ σ / (y·σ), the "collision posterior". Both σ and p
// are softmaxes, of l and of l + ln y, so the exponentials of the forward
// pass give them directly: no division by a y·σ that underflows, and zero
// targets give p_k = 0 exactly. Targets are constants here: their gradient
// is returned as zeros (a stop-gradient), not −σ/(y·σ).
const collisionOp = tf.customGrad<Tensor1D>((...args) => {
  const [targets, logits, save] = args as [Tensor, Tensor, GradSaveFunc];
  const n = logits.shape[0] as number;
  const logTargets = tf.maximum(tf.log(targets), LOG_ZERO); // [N, K]
  const all = shiftedExp(logits);
  const hit = shiftedExp(tf.add(logits, logTargets));
  // (max₁ − max₂) + (ln s₁ − ln s₂): for uniform y the first part is ln K.
  const value = tf.reshape(
    tf.add(
      tf.sub(all.max, hit.max),
      tf.sub(tf.log(all.sums), tf.log(hit.sums)),
    ),
    [n],
  );
  save([all.exps, all.sums, hit.exps, hit.sums]);
  const gradFunc = (dy: Tensor, saved: Tensor[]): Tensor[] => {
    const [expsAll, sumsAll, expsHit, sumsHit] = saved as [
      Tensor,
      Tensor,
      Tensor,
      Tensor,
    ];
    const sigma = tf.div(expsAll, sumsAll);
    const posterior = tf.div(expsHit, sumsHit);
    const gradLogits = tf.mul(tf.sub(sigma, posterior), tf.reshape(dy, [n, 1]));
    // LIMITATION(L-001): targets get a zero gradient; learnable targets
    // receive no signal through this loss.
    return [tf.zeros(targets.shape), gradLogits];
  };
  return { value: value as Tensor1D, gradFunc };
});

/** H₂(y_i, σ_i) per example: `targets` and `logits` [N, K] → [N]. */
export function collisionPerExample(
  targets: Tensor2D,
  logits: Tensor2D,
): Tensor1D {
  return collisionOp(targets, logits);
}
