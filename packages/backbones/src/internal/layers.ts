// The building blocks of the backbones as plain functions of tensors and
// variables: dense, 3×3 / 1×1 convolution, batch norm with explicit moving
// statistics, max-pooling and global average pooling (channels last).
import * as tf from '@tensorflow/tfjs-core';
import { CceError } from '@cce/errors';
import type { BatchNormParams } from './params.js';

/** `x W + b`: `[N, din]` → `[N, dout]`. */
export function dense(
  x: tf.Tensor2D,
  kernel: tf.Variable,
  bias?: tf.Variable,
): tf.Tensor2D {
  const product = tf.matMul(x, kernel as tf.Tensor2D) as tf.Tensor2D;
  return bias === undefined ? product : tf.add<tf.Tensor2D>(product, bias);
}

/**
 * Convolution with TensorFlow's 'same' padding, no bias (a batch norm
 * follows every convolution): output size `⌈H / stride⌉ × ⌈W / stride⌉`.
 */
export function conv(
  x: tf.Tensor4D,
  kernel: tf.Variable,
  stride: 1 | 2,
): tf.Tensor4D {
  // LIMITATION(L-001): 'same' pads a stride-2 conv on an even size at the
  // bottom/right only (PyTorch pads both sides); imported PyTorch weights
  // would not reproduce PyTorch's outputs exactly.
  return tf.conv2d(x, kernel as tf.Tensor4D, stride, 'same');
}

/** Batch-norm settings shared by every layer of one model. */
export interface BatchNormSettings {
  training: boolean;
  momentum: number;
  epsilon: number;
  /**
   * Moving-statistics updates queued in training mode; the caller runs them
   * once the whole forward pass has succeeded, so a failing pass changes
   * nothing.
   */
  pendingUpdates: (() => void)[];
}

/**
 * Batch norm over every axis but the last (channels).
 *
 * Training: `y = (x − μ_B) · γ / √(σ²_B + ε) + β` with the batch mean μ_B and
 * the biased batch variance σ²_B (gradients flow through both), then
 * `moving ← m · moving + (1 − m) · batch` with the unbiased variance
 * `σ²_B · n / (n − 1)`, n = values per channel (queued in
 * `settings.pendingUpdates`). Inference: the same formula
 * with the moving statistics, nothing updated.
 */
export function batchNorm<T extends tf.Tensor>(
  x: T,
  bn: BatchNormParams,
  settings: BatchNormSettings,
): T {
  const { training, momentum, epsilon } = settings;
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  if (!training) {
    const scale = tf.mul(
      bn.gamma,
      tf.rsqrt(tf.add(bn.movingVariance, epsilon)),
    );
    const shift = tf.sub(bn.beta, tf.mul(bn.movingMean, scale));
    return tf.add(tf.mul(x, scale), shift);
  }

  const count = x.size / x.shape.at(-1)!;
  if (count < 2) {
    throw new CceError({
      fn: 'Backbone.apply',
      argument: 'x',
      expected:
        'a batch with at least 2 values per batch-norm channel in training',
      received: `1 value per channel (input shape [${x.shape.join(', ')}] at a batch-norm layer)`,
      hint: 'Use a batch of 2 or more examples, or training: false',
    });
  }
  const { mean, variance } = tf.moments(x, axes);
  // LIMITATION(L-002): the moving statistics move on every training-mode
  // call, also when its gradients are discarded or a step is repeated.
  settings.pendingUpdates.push(() =>
    updateMovingStatistics(bn, mean, variance, count, momentum),
  );
  const scale = tf.mul(bn.gamma, tf.rsqrt(tf.add(variance, epsilon)));
  return tf.add(tf.mul(tf.sub(x, mean), scale), bn.beta);
}

function updateMovingStatistics(
  bn: BatchNormParams,
  mean: tf.Tensor,
  variance: tf.Tensor,
  count: number,
  momentum: number,
): void {
  const unbiased = count / (count - 1);
  tf.tidy(() => {
    const fresh = 1 - momentum;
    bn.movingMean.assign(
      tf.add(tf.mul(bn.movingMean, momentum), tf.mul(mean, fresh)),
    );
    bn.movingVariance.assign(
      tf.add(
        tf.mul(bn.movingVariance, momentum),
        tf.mul(variance, fresh * unbiased),
      ),
    );
  });
}

/** 2×2 max-pooling with stride 2 and 'same' padding: `⌈H/2⌉ × ⌈W/2⌉`. */
export function maxPool2(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 2, 2, 'same');
}

/** Mean over the spatial axes: `[N, H, W, C]` → `[N, C]`. */
export function globalAveragePool(x: tf.Tensor4D): tf.Tensor2D {
  return tf.mean(x, [1, 2]);
}
