// Collision cross-entropy H₂(y, σ) = −ln Σ_k y_k σ_k for soft labels, from
// Zhang and Boykov, "Collision Cross-entropy for Soft Class Labels and Deep
// Clustering" (arXiv:2303.07321).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { collisionPerExample } from './internal/collision-op.js';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/**
 * Collision cross-entropy between soft labels and the softmax of logits:
 * `H₂(y, σ) = −ln Σ_k y_k σ_k`, with `σ = softmax(logits)`.
 *
 * `Σ_k y_k σ_k` is the probability that a class drawn from `y` and one drawn
 * from `σ` collide. A one-hot `y = e_t` gives `−ln σ_t`, Shannon's value; a
 * uniform `y` gives `ln K` whatever `σ` is, with zero gradient, so a fully
 * uncertain label teaches nothing. The loss is symmetric in `y` and `σ`.
 *
 * Computed as `logsumexp(l) − logsumexp(l + ln y)` per row, with `ln 0`
 * replaced by `LOG_ZERO` (−1e30) so zero targets drop out exactly. The
 * gradient w.r.t. the logits is the closed form `σ − y ⊙ σ / (y·σ)`,
 * evaluated as `softmax(l) − softmax(l + ln y)` (see NOTE [collision
 * gradient]); it stays finite for float32 logits of ±1e4.
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: each `H₂(y_i, σ_i)` lies in
 * `[0, −ln min_k σ_ik]`, at most `ln K + max_k l_ik − min_k l_ik`.
 *
 * @param targets - soft labels `[N, K]`: rows >= 0 summing to 1 (or use
 *   `normalize`). Treated as constants: the gradient w.r.t. `targets` is
 *   returned as zeros (a stop-gradient), see LIMITATIONS.md L-001.
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - reduction, per-example weights, validation and
 *   normalisation; see {@link LossOptions}.
 * @returns the reduced loss.
 * @throws CceError when a tensor is not rank 2 or not float32, when shapes
 *   differ, for a bad option, and with `validate: true` for non-finite
 *   values, negative or all-zero target rows, or rows not summing to 1.
 * @remarks Limitation: without `validate`, an all-zero target row is not
 *   detected and gives a loss of about 1e30 (L-002). Targets get a zero
 *   gradient (L-001).
 * @see arXiv:2303.07321, Sec. 2 (definition and properties; section number
 *   unverified).
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * collisionCrossEntropy(targets, logits, { reduction: 'none' });
 * // ≈ [0.359716, 1.098612] (Shannon CE gives [0.569846, 1.098612])
 * collisionCrossEntropy(targets, logits); // ≈ 0.729164
 * ```
 */
export function collisionCrossEntropy<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: LossOptions<R> = {},
): LossResult<R> {
  return tf.tidy(() => {
    const prepared = preparePair(
      'collisionCrossEntropy',
      targets,
      logits,
      options,
    );

    const perExample = collisionPerExample(prepared.targets, logits);

    return reduceLoss(perExample, prepared.reduction, prepared.weights);
  }) as LossResult<R>;
}
