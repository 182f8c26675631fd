// Strong fairness on pseudo-labels, KL(u ‖ ȳ): the balance term of the
// collision and reverse self-labeling objectives (arXiv:2303.07321).
import * as tf from '@tensorflow/tfjs-core';
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { prepareBatch } from './internal/prepare.js';
import { batchMean } from './internal/reduce.js';
import type { BatchOptions } from './types.js';

/**
 * Strong fairness: `KL(u ‖ ȳ) = −ln K − (1/K) Σ_k ln ȳ_k`, the divergence
 * of the uniform distribution from the mean pseudo-label
 * `ȳ = mean_i y_i` (weighted `Σ w_i y_i / Σ w_i` with `weights`).
 *
 * Unlike {@link fairness} it is infinite when a cluster is empty, which
 * keeps every cluster in use. No clamp is applied: a class with `ȳ_k = 0`
 * gives `+Infinity` (the exact value), never NaN (L-003).
 *
 * Shapes: `pseudoLabels` is `[N, K]`, rows on the simplex; the result is a
 * scalar `[]`. Values: `[0, +∞]`, 0 exactly when `ȳ = u`.
 *
 * @param pseudoLabels - soft assignments `[N, K]`, float32, rows >= 0
 *   summing to 1 (probabilities, not logits).
 * @param options - per-example `weights`, `validate`.
 * @throws CceError for a tensor that is not float32 `[N, K]`, bad weights or
 *   options, and with `validate: true` for rows that are not finite, have
 *   negative entries or do not sum to 1 within `SIMPLEX_TOLERANCE`.
 * @remarks Limitation: `+Infinity` for an empty cluster, with a `−∞`
 *   gradient (L-003).
 * @see arXiv:2303.07321 (self-labeling objective; section unverified).
 * @example
 * ```ts
 * const pseudoLabels = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1], [0.5, 0.5, 0]]);
 * strongFairness(pseudoLabels); // ≈ 0.031437
 * ```
 */
export function strongFairness(
  pseudoLabels: Tensor2D,
  options: BatchOptions = {},
): Scalar {
  const weights = prepareBatch(
    'strongFairness',
    'pseudoLabels',
    pseudoLabels,
    options,
    true,
  );

  return tf.tidy(() => {
    const meanLabels = batchMean(pseudoLabels, weights); // [K]
    // LIMITATION(L-003): an empty cluster (ȳ_k = 0) gives +Infinity.
    const k = pseudoLabels.shape[1];
    return tf.sub(tf.neg(tf.mean(tf.log(meanLabels))), Math.log(k));
  }) as Scalar;
}
