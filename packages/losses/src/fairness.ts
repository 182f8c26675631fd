// Fairness criterion of discriminative clustering: KL(σ̄ ‖ u), low when the
// batch's mean prediction spreads evenly over the K clusters.
import * as tf from '@tensorflow/tfjs-core';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { prepareBatch } from './internal/prepare.js';
import { batchMean } from './internal/reduce.js';
import { safeLog } from './internal/terms.js';
import type { BatchOptions } from './types.js';

/**
 * Fairness: `KL(σ̄ ‖ u) = Σ_k σ̄_k ln σ̄_k + ln K`, the divergence of the
 * mean prediction `σ̄ = mean_i softmax(logits_i)` (weighted
 * `Σ w_i σ_i / Σ w_i` with `weights`) from the uniform `u = (1/K, …, 1/K)`.
 * Equals `ln K − H(σ̄)`.
 *
 * `σ̄ ln σ̄` uses `ln max(σ̄, PROB_FLOOR)` (2^−126), so a cluster no example
 * uses contributes 0 and the gradient stays finite. Gradient by autodiff.
 *
 * Shapes: `logits` is `[N, K]`; the result is a scalar `[]`. Values:
 * `[0, ln K]`, 0 exactly when `σ̄ = u`.
 *
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - per-example `weights`, `validate`.
 * @throws CceError for a tensor that is not float32 `[N, K]`, bad weights or
 *   options, and with `validate: true` for non-finite logits.
 * @see arXiv:2303.07321 (clustering criteria; section unverified).
 * @example
 * ```ts
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0], [-1, 3, 0]]);
 * fairness(logits); // ≈ 0.099136
 * ```
 */
export function fairness(logits: Tensor2D, options: BatchOptions = {}): Scalar {
  const weights = prepareBatch('fairness', 'logits', logits, options);

  return tf.tidy(() => {
    const meanProbs = batchMean(tf.softmax(logits), weights); // [K]
    const k = logits.shape[1];
    const negEntropy = tf.sum(tf.mul(meanProbs, safeLog(meanProbs)));
    return tf.add(negEntropy, Math.log(k));
  }) as Scalar;
}
