// Mutual-information loss of IMSAT-style clustering: mean entropy of the
// predictions minus the entropy of their batch mean.
import * as tf from '@tensorflow/tfjs-core';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { prepareBatch } from './internal/prepare.js';
import { batchMean } from './internal/reduce.js';
import { entropyPerExample, safeLog } from './internal/terms.js';
import { checkNumber } from './internal/validate.js';
import type { BatchOptions } from './types.js';

/** Options of {@link mutualInformationLoss}. */
export interface MutualInformationOptions extends BatchOptions {
  /** Weight `a` of the mean entropy `mean_i H(σ_i)` (>= 0, default 1). */
  conditionalWeight?: number;
  /** Weight `b` of the marginal entropy `H(σ̄)`: finite, >= 0; default 1. */
  marginalWeight?: number;
}

/**
 * Mutual-information loss: `a · mean_i H(σ_i) − b · H(σ̄)`, with
 * `σ_i = softmax(logits_i)`, `σ̄ = mean_i σ_i` and weights `a`
 * (`conditionalWeight`) and `b` (`marginalWeight`), both 1 by default.
 * With `a = b = 1` it is the negative empirical mutual information between
 * inputs and cluster ids, and equals `decisiveness + fairness − ln K`.
 *
 * Entropies use `exp(logSoftmax) · logSoftmax` for each example and
 * `ln max(σ̄, PROB_FLOOR)` (2^−126) for the mean, so the value and
 * gradient stay finite for logits of ±1e4. With `weights` both batch
 * averages are weighted, `Σ w_i · / Σ w_i`. Gradient by autodiff.
 *
 * Shapes: `logits` is `[N, K]`; the result is a scalar `[]`. Values:
 * `[−b ln K, a ln K]`.
 *
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - the two term weights, per-example `weights`, `validate`.
 * @throws CceError for a tensor that is not float32 `[N, K]`, bad weights or
 *   options (term weights finite and >= 0), and with `validate: true` for
 *   non-finite logits.
 * @see arXiv:1702.08720 (IMSAT, Hu et al.; section unverified) and
 *   arXiv:2303.07321.
 * @example
 * ```ts
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0], [-1, 3, 0]]);
 * mutualInformationLoss(logits); // ≈ −0.367079
 * mutualInformationLoss(logits, { marginalWeight: 2 }); // ≈ −1.366556
 * ```
 */
export function mutualInformationLoss(
  logits: Tensor2D,
  options: MutualInformationOptions = {},
): Scalar {
  const fn = 'mutualInformationLoss';
  const weights = prepareBatch(fn, 'logits', logits, options);
  const { conditionalWeight = 1, marginalWeight = 1 } = options;
  const nonNegative = (x: number) => x >= 0;
  checkNumber(
    fn,
    'options.conditionalWeight',
    conditionalWeight,
    nonNegative,
    'finite >= 0',
  );
  checkNumber(
    fn,
    'options.marginalWeight',
    marginalWeight,
    nonNegative,
    'finite >= 0',
  );

  return tf.tidy(() => {
    const conditional = batchMean(entropyPerExample(logits), weights);
    const meanProbs = batchMean(tf.softmax(logits), weights); // [K]
    const marginal = tf.neg(tf.sum(tf.mul(meanProbs, safeLog(meanProbs))));
    return tf.sub(
      tf.mul(conditional, conditionalWeight),
      tf.mul(marginal, marginalWeight),
    );
  }) as Scalar;
}
