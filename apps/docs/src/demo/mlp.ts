// The demo's network: a small tanh MLP from 2-D points to K logits, written
// with tfjs-core ops and seeded from @cce/runtime's seed stream so a run
// with the same seed starts from the same weights.
import * as tf from '@tensorflow/tfjs-core';
import { nextSeed, setGlobalSeed } from '@cce/runtime';

/** A multi-layer perceptron `[N, 2] → [N, K]` with trainable variables. */
export interface Mlp {
  /** Logits `[N, K]` of points `[N, 2]`. */
  apply(x: tf.Tensor2D): tf.Tensor2D;
  variables: tf.Variable[];
  dispose(): void;
}

/**
 * Builds the MLP with layer widths `sizes` (e.g. `[2, 32, 32, 3]`), tanh
 * between layers, Glorot-uniform weights and zero biases. `seed` resets
 * the runtime's seed stream, which then seeds each weight matrix.
 */
export function createMlp(sizes: readonly number[], seed: number): Mlp {
  setGlobalSeed(seed);
  const variables: tf.Variable[] = [];
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = tf.variable(
      tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', nextSeed()),
    );
    const b = tf.variable(tf.zeros([fanOut]));
    layers.push({ w, b });
    variables.push(w, b);
  }

  const apply = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      let h: tf.Tensor2D = x;
      layers.forEach(({ w, b }, l) => {
        const z = tf.add(tf.matMul(h, w), b) as tf.Tensor2D;
        h = l + 1 < layers.length ? tf.tanh(z) : z;
      });
      return h;
    });

  return {
    apply,
    variables,
    dispose: () => {
      for (const v of variables) v.dispose();
    },
  };
}
