// Kullback–Leibler divergence KL(y ‖ σ) from soft labels to the softmax of
// logits: Shannon cross-entropy minus the label's own entropy.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { klPerExample } from './internal/terms.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/**
 * KL divergence from the targets to the prediction:
 * `KL(y ‖ σ) = Σ_k y_k (ln y_k − ln σ_k) = H(y, σ) − H(y)`, with
 * `σ = softmax(logits)` and `0 · ln 0 = 0`.
 *
 * Same gradient w.r.t. the logits as {@link softCrossEntropy} (the two
 * differ by `H(y)`, a constant in the logits), but 0 at `σ = y`. The
 * `y ln y` term uses `ln max(y, PROB_FLOOR)` (PROB_FLOOR = 2^−126), exact for
 * normal float32 y and 0 for y = 0; `ln σ` comes from `logSoftmax`, finite
 * for logits of ±1e4.
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: `[0, ∞)`.
 *
 * @param targets - soft labels `[N, K]` (rows on the simplex, or use
 *   `normalize`).
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - see {@link LossOptions}.
 * @throws CceError for bad ranks, dtypes, shapes or options, and with
 *   `validate: true` for non-finite values or target rows off the simplex.
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * klDivergence(targets, logits, { reduction: 'none' });
 * // ≈ [0.069444, 1.098612]
 * ```
 */
export function klDivergence<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: LossOptions<R> = {},
): LossResult<R> {
  return tf.tidy(() => {
    const prepared = preparePair('klDivergence', targets, logits, options);

    const perExample = klPerExample(prepared.targets, logits);

    return reduceLoss(perExample, prepared.reduction, prepared.weights);
  }) as LossResult<R>;
}
