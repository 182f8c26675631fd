import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from './adam.js';

beforeAll(async () => {
  await initRuntime({ backend: 'cpu' });
});

// Textbook Adam in float64 (Kingma and Ba, Algorithm 1).
function referenceAdam(x0: number[], grads: number[][], lrs: number[]) {
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const x = [...x0];
  const m = x.map(() => 0);
  const v = x.map(() => 0);
  grads.forEach((g, t) => {
    for (let i = 0; i < x.length; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
      v[i] = b2 * v[i]! + (1 - b2) * g[i]! ** 2;
      const mHat = m[i]! / (1 - b1 ** (t + 1));
      const vHat = v[i]! / (1 - b2 ** (t + 1));
      x[i] = x[i]! - (lrs[t]! * mHat) / (Math.sqrt(vHat) + eps);
    }
  });
  return x;
}

describe('Adam', () => {
  it('matches the float64 textbook update when run for three steps', () => {
    const x0 = [0.5, -1, 2];
    const grads = [
      [1, -2, 0.5],
      [0.3, 0.3, -4],
      [-1, 1e-3, 2],
    ];
    const lrs = [0.1, 0.05, 0.01];
    const variable = tf.variable(tf.tensor1d(x0));
    const adam = new Adam([variable]);
    grads.forEach((g, t) => adam.apply([tf.tensor1d(g)], lrs[t]!));

    const got = Array.from(variable.dataSync());
    const want = referenceAdam(x0, grads, lrs);
    expect(got).toHaveLength(3);
    got.forEach((value, i) => expect(value).toBeCloseTo(want[i]!, 5));
  });

  it('continues bit for bit when its state is restored into a fresh optimiser', () => {
    const make = () => tf.variable(tf.tensor1d([1, 2, 3]));
    const a = make();
    const adamA = new Adam([a]);
    const grads = [
      [1, 2, 3],
      [-1, 0.5, 2],
      [0.1, 0.1, -3],
      [2, -2, 1],
    ];
    grads.forEach((g) => adamA.apply([tf.tensor1d(g)], 0.01));

    const b = make();
    const first = new Adam([b]);
    grads.slice(0, 2).forEach((g) => first.apply([tf.tensor1d(g)], 0.01));
    const c = tf.variable(tf.tensor1d(b.dataSync()));
    const second = new Adam([c]);
    second.setState(first.getState());
    grads.slice(2).forEach((g) => second.apply([tf.tensor1d(g)], 0.01));

    expect(second.step).toBe(4);
    expect(Array.from(c.dataSync())).toEqual(Array.from(a.dataSync()));
  });
});
