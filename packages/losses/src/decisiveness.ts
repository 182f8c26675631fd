// Decisiveness criterion of discriminative clustering: the mean entropy of
// the predictions, low when each example is assigned confidently.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { checkOptions } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { entropyPerExample } from './internal/terms.js';
import {
  checkFinite,
  checkFlag,
  checkMatrix,
  checkReduction,
  checkWeightValues,
  checkWeightsShape,
} from './internal/validate.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/** Options of {@link decisiveness}: reduction, weights and validation. */
export type DecisivenessOptions<R extends Reduction = Reduction> = Omit<
  LossOptions<R>,
  'normalize'
>;

/**
 * Decisiveness: the Shannon entropy of each prediction,
 * `H(σ_i) = −Σ_k σ_ik ln σ_ik` with `σ_i = softmax(logits_i)`, averaged over
 * the batch by default. Minimising it makes assignments confident.
 *
 * Uses `σ ln σ = exp(logSoftmax) · logSoftmax`, finite for logits of ±1e4
 * (an underflowed `σ_k = 0` contributes exactly 0). Gradient by autodiff.
 *
 * Shapes: `logits` is `[N, K]`; the result is `[]` for `'mean'` and
 * `'sum'`, `[N]` for `'none'`. Values: each `H(σ_i)` is in `[0, ln K]`.
 *
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - `reduction`, per-example `weights`, `validate`.
 * @throws CceError for a tensor that is not float32 `[N, K]`, a bad option,
 *   and with `validate: true` for non-finite logits or bad weights.
 * @see arXiv:2303.07321 (clustering criteria; section unverified).
 * @example
 * ```ts
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0], [-1, 3, 0]]);
 * decisiveness(logits, { reduction: 'none' });
 * // ≈ [0.524267, 1.098612, 0.274313]; the mean is ≈ 0.632397
 * ```
 */
export function decisiveness<R extends Reduction = 'mean'>(
  logits: Tensor2D,
  options: DecisivenessOptions<R> = {},
): LossResult<R> {
  const fn = 'decisiveness';
  checkOptions(fn, options);
  checkMatrix(fn, 'logits', logits);
  const { reduction = 'mean', weights, validate } = options;
  checkReduction(fn, reduction);
  checkWeightsShape(fn, weights, logits.shape[0]);
  checkFlag(fn, 'options.validate', validate);
  if (validate === true) {
    checkFinite(fn, 'logits', logits);
    if (weights) checkWeightValues(fn, weights);
  }

  return tf.tidy(() =>
    reduceLoss(entropyPerExample(logits), reduction, weights),
  ) as LossResult<R>;
}
