import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  expectClose,
  makeRng,
  randomSimplex,
  read,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { strongFairness } from './strong-fairness.js';

// float64 reference: −ln K − (1/K) Σ_k ln ȳ_k, ȳ = Σ w_i y_i / Σ w_i.
function strongFairness64(y: Matrix, weights?: number[]): number {
  const k = (y[0] as number[]).length;
  const w = weights ?? y.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const mean = Array.from(
    { length: k },
    (_, j) =>
      y.reduce((s, row, i) => s + (row[j] as number) * (w[i] as number), 0) /
      total,
  );
  return -Math.log(k) - mean.reduce((s, p) => s + Math.log(p), 0) / k;
}

describe('strongFairness', () => {
  it('gives the documented value for a small batch', () => {
    const y = t2([
      [0.8, 0.2, 0],
      [0, 0, 1],
      [0.5, 0.5, 0],
    ]);
    expectClose(read(strongFairness(y), []), [0.031437], 1e-6);
  });

  it('is 0 when the mean pseudo-label is uniform', () => {
    const y = t2([
      [0.5, 0.5, 0, 0],
      [0, 0, 0.25, 0.75],
      [0, 0, 0.75, 0.25],
      [0.5, 0.5, 0, 0],
    ]);
    expectClose(read(strongFairness(y), []), [0], 1e-6);
  });

  it('returns +Infinity, not NaN, when a cluster is empty', () => {
    const y = t2([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(read(strongFairness(y), [])[0]).toBe(Infinity);
  });

  it('weights the mean pseudo-label when weights are given', () => {
    const rng = makeRng(91);
    const y = randomSimplex(rng, 5, 3);
    const w = [2, 0, 1, 0.25, 1];
    const value = strongFairness(t2(y), { weights: tf.tensor1d(w) });
    expectClose(read(value, []), [strongFairness64(y, w)], 1e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(92);

    it('matches the float64 reference for random pseudo-labels', () => {
      const y = randomSimplex(rng, 8, 5, 0.3);
      expectClose(read(strongFairness(t2(y)), []), [strongFairness64(y)], 2e-6);
    });

    it('has the gradient −1/(K N ȳ_k) w.r.t. the pseudo-labels', () => {
      const y = randomSimplex(rng, 4, 3);
      const grad = tf.grad((x: Tensor) => strongFairness(x as Tensor2D))(t2(y));
      const mean = [0, 1, 2].map(
        (j) => y.reduce((s, r) => s + (r[j] as number), 0) / 4,
      );
      const expected = y.flatMap(() => mean.map((m) => -1 / (3 * 4 * m)));
      expectClose(read(grad, [4, 3]), expected, 1e-6, 1e-5);
    });
  });
});
