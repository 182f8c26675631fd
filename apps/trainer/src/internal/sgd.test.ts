import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from './adam.js';
import { Sgd } from './sgd.js';

beforeAll(async () => {
  await initRuntime({ backend: 'cpu' });
});

const GRADS = [
  [1, -2, 0.5],
  [0.3, 0.3, -4],
  [-1, 1e-3, 2],
];
const LRS = [0.1, 0.05, 0.01];

describe('Sgd', () => {
  it('matches heavy-ball momentum worked out by hand for three steps', () => {
    // x₀ = 0.5, μ = 0.9, g = 1, 0.3, −1; lr = 0.1, 0.05, 0.01:
    // v₁ = 1, x₁ = 0.4; v₂ = 0.9 + 0.3 = 1.2, x₂ = 0.4 − 0.06 = 0.34;
    // v₃ = 1.08 − 1 = 0.08, x₃ = 0.34 − 0.0008 = 0.3392
    const variable = tf.variable(tf.tensor1d([0.5, -1, 2]));
    const sgd = new Sgd([variable], 0.9);
    GRADS.forEach((g, t) => sgd.apply([tf.tensor1d(g)], LRS[t]!));
    expect(variable.dataSync()[0]).toBeCloseTo(0.3392, 6);
    // second entry: v = −2, −1.5, −1.349; x = −1 + 0.2 + 0.075 + 0.01349
    expect(variable.dataSync()[1]).toBeCloseTo(-0.71151, 6);
    expect(sgd.step).toBe(3);
  });

  it('is plain gradient descent with momentum 0', () => {
    const variable = tf.variable(tf.tensor1d([0.5, -1, 2]));
    const sgd = new Sgd([variable], 0);
    GRADS.forEach((g, t) => sgd.apply([tf.tensor1d(g)], LRS[t]!));
    const want = [0.5, -1, 2].map(
      (x, i) => x - GRADS.reduce((s, g, t) => s + LRS[t]! * g[i]!, 0),
    );
    Array.from(variable.dataSync()).forEach((v, i) =>
      expect(v).toBeCloseTo(want[i]!, 6),
    );
  });

  it('continues bit for bit when its state is restored into a fresh optimiser', () => {
    const all = tf.variable(tf.tensor1d([1, 2, 3]));
    const straight = new Sgd([all], 0.9);
    GRADS.forEach((g) => straight.apply([tf.tensor1d(g)], 0.01));

    const part = tf.variable(tf.tensor1d([1, 2, 3]));
    const first = new Sgd([part], 0.9);
    first.apply([tf.tensor1d(GRADS[0]!)], 0.01);
    const copy = tf.variable(tf.tensor1d(part.dataSync()));
    const second = new Sgd([copy], 0.9);
    second.setState(first.getState());
    GRADS.slice(1).forEach((g) => second.apply([tf.tensor1d(g)], 0.01));

    expect(second.step).toBe(3);
    expect(Array.from(copy.dataSync())).toEqual(Array.from(all.dataSync()));
  });

  it('refuses the state of an Adam checkpoint, naming both counts', () => {
    const variable = tf.variable(tf.tensor1d([1, 2, 3]));
    const adam = new Adam([variable]);
    adam.apply([tf.tensor1d([1, 1, 1])], 0.01);
    expect(() => new Sgd([variable], 0.9).setState(adam.getState())).toThrow(
      'SGD state needs 1 buffers, the checkpoint has 2',
    );
  });

  it('rejects a momentum outside [0, 1)', () => {
    const variable = tf.variable(tf.tensor1d([1]));
    expect(() => new Sgd([variable], 1)).toThrow(
      'momentum must be in [0, 1), got 1',
    );
  });
});
