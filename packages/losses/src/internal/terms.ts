// Per-example terms of the soft-label losses and the entropy, as plain
// differentiable tfjs ops from logits. Inputs are already validated.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { PROB_FLOOR } from '../constants.js';

/** `ln max(p, PROB_FLOOR)`: finite for p = 0, so `0 · ln 0` gives 0. */
export function safeLog(p: Tensor): Tensor {
  return tf.log(tf.maximum(p, PROB_FLOOR));
}

/** Shannon cross-entropy `H(y, σ) = −Σ_k y_k ln σ_k` per example. */
export function shannonPerExample(targets: Tensor2D, logits: Tensor2D) {
  return tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1)) as Tensor1D;
}

/** Reverse cross-entropy `−Σ_k σ_k max(ln y_k, logFloor)` per example. */
export function reversePerExample(
  targets: Tensor2D,
  logits: Tensor2D,
  logFloor: number,
) {
  // ln max(y, e^A) = max(ln y, A), without ln 0 in the gradient path.
  const logTargets = tf.log(tf.maximum(targets, Math.exp(logFloor)));
  return tf.neg(tf.sum(tf.mul(tf.softmax(logits), logTargets), 1)) as Tensor1D;
}

/** `KL(y ‖ σ) = Σ_k y_k (ln y_k − ln σ_k)` per example, 0 · ln 0 = 0. */
export function klPerExample(targets: Tensor2D, logits: Tensor2D) {
  const logRatio = tf.sub(safeLog(targets), tf.logSoftmax(logits));
  return tf.sum(tf.mul(targets, logRatio), 1) as Tensor1D;
}

/** `Σ_k y_k (1 − σ_k^q) / q` per example, as `−Σ y expm1(q ln σ) / q`. */
export function gcePerExample(targets: Tensor2D, logits: Tensor2D, q: number) {
  // expm1 keeps (1 − σ^q)/q accurate as q → 0, where 1 − σ^q cancels.
  const oneMinusPow = tf.neg(tf.expm1(tf.mul(tf.logSoftmax(logits), q)));
  return tf.div(tf.sum(tf.mul(targets, oneMinusPow), 1), q) as Tensor1D;
}

/** `Σ_k |y_k − σ_k|` per example. */
export function maePerExample(targets: Tensor2D, logits: Tensor2D) {
  const diff = tf.abs(tf.sub(targets, tf.softmax(logits)));
  return tf.sum(diff, 1) as Tensor1D;
}

/** Entropy `H(σ_i) = −Σ_k σ_k ln σ_k` of each row's softmax. */
export function entropyPerExample(logits: Tensor2D) {
  const logProbs = tf.logSoftmax(logits);
  return tf.neg(tf.sum(tf.mul(tf.exp(logProbs), logProbs), 1)) as Tensor1D;
}
