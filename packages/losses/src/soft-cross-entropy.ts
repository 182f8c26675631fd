// Shannon cross-entropy H(y, σ) = −Σ_k y_k ln σ_k with soft targets: the
// standard classification loss, the baseline collision CE is compared with.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { shannonPerExample } from './internal/terms.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/**
 * Shannon cross-entropy with soft targets: `H(y, σ) = −Σ_k y_k ln σ_k`,
 * `σ = softmax(logits)`. Its minimiser over σ is `σ = y`: the model learns
 * to copy the label's uncertainty.
 *
 * Computed with `logSoftmax`, which is finite for float32 logits of ±1e4,
 * so zero targets contribute exactly 0. Gradient w.r.t. the logits:
 * `σ · Σ_k y_k − y` (= `σ − y` on the simplex), by autodiff.
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: `H(y_i, σ_i) >= H(y_i)
 * >= 0`.
 *
 * @param targets - soft labels `[N, K]`: rows >= 0 summing to 1 (or use
 *   `normalize`).
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - see {@link LossOptions}.
 * @throws CceError for bad ranks, dtypes, shapes or options, and with
 *   `validate: true` for non-finite values or target rows off the simplex.
 * @see arXiv:2303.07321 (compared there with collision CE).
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * softCrossEntropy(targets, logits, { reduction: 'none' });
 * // ≈ [0.569846, 1.098612]
 * ```
 */
export function softCrossEntropy<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: LossOptions<R> = {},
): LossResult<R> {
  return tf.tidy(() => {
    const prepared = preparePair('softCrossEntropy', targets, logits, options);

    const perExample = shannonPerExample(prepared.targets, logits);

    return reduceLoss(perExample, prepared.reduction, prepared.weights);
  }) as LossResult<R>;
}
