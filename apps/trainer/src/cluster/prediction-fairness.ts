// Strong fairness of a batch's predictions, an optional extra network term
// of self-labeling (`cce cluster --net-fairness μ`).
import * as tf from '@tensorflow/tfjs-core';

/** σ̄_k is floored at this value inside ln, so the term stays finite. */
export const PREDICTION_MEAN_FLOOR = 1e-30;

/**
 * `KL(u ‖ σ̄) = −ln K − (1/K) Σ_k ln σ̄_k` with `σ̄ = mean_i softmax(l_i)`,
 * differentiable w.r.t. the logits `[N, K]`; a scalar ≥ 0, 0 when the
 * classes are used equally.
 *
 * Why: the pseudo-label term `KL(u ‖ ȳ)` can be near 0 while the network
 * predicts a cluster for no example: the solver spreads a little mass of
 * every y over that cluster, and H₂ ignores label mass where σ ≈ 0 (its
 * gradient `σ − y⊙σ/(y·σ)` vanishes there), so nothing revives it. This
 * term grows without bound as a cluster empties in σ, and its gradient
 * raises that cluster's logits. Measured on 10 000 MNIST images, 5 epochs,
 * two views: ACC 0.48 without it, 0.64 with μ = 1 (apps/trainer README).
 */
export function predictionFairness(logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const k = logits.shape[1];
    const mean = tf.mean(tf.softmax(logits), 0); // [K]
    const floored = tf.maximum(mean, PREDICTION_MEAN_FLOOR);
    return tf.sub(tf.neg(tf.mean(tf.log(floored))), Math.log(k)) as tf.Scalar;
  });
}
