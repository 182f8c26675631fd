// Turns per-example losses [N] into the returned tensor for a reduction,
// with optional per-example weights.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import type { Reduction } from '../types.js';

/**
 * `'none'`: `w ⊙ L` [N]; `'sum'`: `Σ w_i L_i`; `'mean'`: `Σ w_i L_i / Σ w_i`
 * (the plain mean without weights).
 */
export function reduceLoss(
  perExample: Tensor1D,
  reduction: Reduction,
  weights: Tensor1D | undefined,
): Tensor {
  const weighted = weights ? tf.mul(perExample, weights) : perExample;
  if (reduction === 'none') return weighted;
  if (reduction === 'sum') return tf.sum(weighted);
  return weights
    ? tf.div(tf.sum(weighted), tf.sum(weights))
    : tf.mean(weighted);
}

/** Weighted mean over the batch axis: `Σ w_i x_i / Σ w_i` ([N, …] → […]). */
export function batchMean(x: Tensor, weights: Tensor1D | undefined): Tensor {
  if (!weights) return tf.mean(x, 0);
  const shape = [weights.shape[0], ...x.shape.slice(1).map(() => 1)];
  const w = tf.reshape(weights, shape);
  return tf.div(tf.sum(tf.mul(x, w), 0), tf.sum(weights));
}
