// Identity whose gradient is zero: tfjs-core has no stop_gradient op, and
// the IMSAT consistency target σ(x) must not be pulled towards σ(aug x).
import * as tf from '@tensorflow/tfjs-core';

const stop = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: tf.clone(inputs[0] as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)],
}));

/** `x` forward, zero gradient backward. */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return stop(x) as T;
}
