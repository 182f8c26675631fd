// Mean absolute error between soft labels and the softmax of logits, the
// noise-robust loss of Ghosh et al. (2017, arXiv:1712.09482).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { maePerExample } from './internal/terms.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/**
 * Mean absolute error as a classification loss: the ℓ1 distance
 * `‖y − σ‖₁ = Σ_k |y_k − σ_k|` per example, `σ = softmax(logits)`.
 *
 * Scaling: we follow Ghosh et al. (2017), where the loss is the full ℓ1
 * distance, `2 (1 − σ_t)` for a one-hot `y = e_t`; so it is twice the
 * generalized cross-entropy at `q = 1`. It is not divided by K (as an
 * elementwise "mean" would be). `'mean'` then averages over examples.
 * Gradient by autodiff (`sign` has gradient 0 at `y_k = σ_k`).
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: `[0, 2]`.
 *
 * @param targets - soft labels `[N, K]` (rows on the simplex, or use
 *   `normalize`).
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - see {@link LossOptions}.
 * @throws CceError for bad ranks, dtypes, shapes or options, and with
 *   `validate: true` for non-finite values or target rows off the simplex.
 * @see arXiv:1712.09482 (Ghosh et al., section unverified).
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * meanAbsoluteError(targets, logits, { reduction: 'none' });
 * // ≈ [0.171610, 1.333333]
 * ```
 */
export function meanAbsoluteError<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: LossOptions<R> = {},
): LossResult<R> {
  return tf.tidy(() => {
    const prepared = preparePair('meanAbsoluteError', targets, logits, options);

    const perExample = maePerExample(prepared.targets, logits);

    return reduceLoss(perExample, prepared.reduction, prepared.weights);
  }) as LossResult<R>;
}
