// Reverse cross-entropy H(σ, y) = −Σ_k σ_k ln y_k, the noise-robust half of
// symmetric cross-entropy (Wang et al., 2019, arXiv:1908.06112).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { REVERSE_CE_LOG_FLOOR } from './constants.js';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { reversePerExample } from './internal/terms.js';
import { checkNumber } from './internal/validate.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/** Options of {@link reverseCrossEntropy}. */
export interface ReverseCrossEntropyOptions<R extends Reduction = Reduction>
  extends LossOptions<R> {
  /**
   * Floor `A` for `ln y`: a finite number < 0; default
   * `REVERSE_CE_LOG_FLOOR` (−4).
   */
  logFloor?: number;
}

/**
 * Reverse cross-entropy: `H(σ, y) = −Σ_k σ_k max(ln y_k, A)`, the Shannon
 * cross-entropy with prediction and label swapped, `σ = softmax(logits)`.
 *
 * `ln 0 = −∞` is replaced by the floor `A = REVERSE_CE_LOG_FLOOR = −4`
 * (option `logFloor`), as in symmetric cross-entropy; the clamp is
 * continuous, `max(ln y_k, A) = ln max(y_k, e^A)`, so entries below
 * `e^A` ≈ 0.0183 count as `A` too. For a one-hot `y = e_t` this gives
 * `−A (1 − σ_t)`. Gradient by autodiff through `softmax`, finite for logits
 * of ±1e4.
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: `[0, −A]`.
 *
 * @param targets - soft labels `[N, K]` (rows on the simplex, or use
 *   `normalize`).
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - {@link LossOptions} plus `logFloor`.
 * @throws CceError for bad ranks, dtypes, shapes or options (`logFloor`
 *   must be finite and < 0), and with `validate: true` for non-finite
 *   values or target rows off the simplex.
 * @see arXiv:1908.06112 (Wang et al., symmetric cross-entropy; section
 *   unverified).
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * reverseCrossEntropy(targets, logits, { reduction: 'none' });
 * // ≈ [0.540118, 2.666667]
 * ```
 */
export function reverseCrossEntropy<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: ReverseCrossEntropyOptions<R> = {},
): LossResult<R> {
  const fn = 'reverseCrossEntropy';
  const { logFloor = REVERSE_CE_LOG_FLOOR } = options ?? {};
  checkNumber(fn, 'options.logFloor', logFloor, (a) => a < 0, 'finite < 0');
  return tf.tidy(() => {
    const prepared = preparePair(fn, targets, logits, options);

    const perExample = reversePerExample(prepared.targets, logits, logFloor);

    return reduceLoss(perExample, prepared.reduction, prepared.weights);
  }) as LossResult<R>;
}
