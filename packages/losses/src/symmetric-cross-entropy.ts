// Symmetric cross-entropy α·H(y, σ) + β·H(σ, y) for learning with noisy
// labels (Wang et al., 2019, arXiv:1908.06112).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import {
  DEFAULT_SCE_ALPHA,
  DEFAULT_SCE_BETA,
  REVERSE_CE_LOG_FLOOR,
} from './constants.js';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { reversePerExample, shannonPerExample } from './internal/terms.js';
import { checkNumber } from './internal/validate.js';
import type { LossResult, Reduction } from './types.js';
import type { ReverseCrossEntropyOptions } from './reverse-cross-entropy.js';

/** Options of {@link symmetricCrossEntropy}. */
export interface SymmetricCrossEntropyOptions<R extends Reduction = Reduction>
  extends ReverseCrossEntropyOptions<R> {
  /** Weight of the cross-entropy term: finite, >= 0; default 0.1. */
  alpha?: number;
  /** Weight of the reverse term: finite, >= 0; default 1. */
  beta?: number;
}

/**
 * Symmetric cross-entropy: `α · H(y, σ) + β · H(σ, y)` per example, the
 * Shannon cross-entropy plus the reverse cross-entropy, with
 * `σ = softmax(logits)`.
 *
 * Defaults `α = DEFAULT_SCE_ALPHA = 0.1`, `β = DEFAULT_SCE_BETA = 1`.
 * The reverse term floors `ln y` at `logFloor`
 * (`REVERSE_CE_LOG_FLOOR = −4`), see {@link reverseCrossEntropy}.
 * Gradient by autodiff; finite for logits of ±1e4.
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: `[0, ∞)`.
 *
 * @param targets - soft labels `[N, K]` (rows on the simplex, or use
 *   `normalize`).
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - {@link LossOptions} plus `alpha`, `beta`, `logFloor`.
 * @throws CceError for bad ranks, dtypes, shapes or options (`alpha`,
 *   `beta` finite and >= 0; `logFloor` finite and < 0), and with
 *   `validate: true` for non-finite values or target rows off the simplex.
 * @see arXiv:1908.06112 (Wang et al., section unverified).
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * symmetricCrossEntropy(targets, logits, { reduction: 'none' });
 * // ≈ [0.597102, 2.776528]
 * ```
 */
export function symmetricCrossEntropy<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: SymmetricCrossEntropyOptions<R> = {},
): LossResult<R> {
  const fn = 'symmetricCrossEntropy';
  const {
    alpha = DEFAULT_SCE_ALPHA,
    beta = DEFAULT_SCE_BETA,
    logFloor = REVERSE_CE_LOG_FLOOR,
  } = options ?? {};
  checkNumber(fn, 'options.alpha', alpha, (a) => a >= 0, 'finite >= 0');
  checkNumber(fn, 'options.beta', beta, (b) => b >= 0, 'finite >= 0');
  checkNumber(fn, 'options.logFloor', logFloor, (a) => a < 0, 'finite < 0');
  return tf.tidy(() => {
    const prepared = preparePair(fn, targets, logits, options);

    const forward = shannonPerExample(prepared.targets, logits);
    const reverse = reversePerExample(prepared.targets, logits, logFloor);
    const perExample = tf.add(tf.mul(forward, alpha), tf.mul(reverse, beta));

    return reduceLoss(
      perExample as typeof forward,
      prepared.reduction,
      prepared.weights,
    );
  }) as LossResult<R>;
}
