import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  expectClose,
  finiteDifferences,
  flat,
  gradOf,
  makeRng,
  randomLogits,
  read,
  softmax64,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { fairness } from './fairness.js';

// float64 reference: Σ_k σ̄_k ln σ̄_k + ln K with σ̄ = Σ w_i σ_i / Σ w_i.
function fairness64(logits: Matrix, weights?: number[]): number {
  const k = (logits[0] as number[]).length;
  const w = weights ?? logits.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const mean = Array<number>(k).fill(0);
  logits.forEach((l, i) => {
    softmax64(l).forEach((p, j) => {
      mean[j] = (mean[j] as number) + (p * (w[i] as number)) / total;
    });
  });

  return (
    mean.reduce((s, p) => (p > 0 ? s + p * Math.log(p) : s), 0) + Math.log(k)
  );
}

describe('fairness', () => {
  it('gives the documented value for a small batch', () => {
    const logits = t2([
      [2, 0, -1],
      [0, 0, 0],
      [-1, 3, 0],
    ]);
    expectClose(read(fairness(logits), []), [0.099136], 1e-6);
  });

  it('is 0 for a balanced batch and ln K when every example picks one class', () => {
    const balanced = t2([
      [9, 0, 0],
      [0, 9, 0],
      [0, 0, 9],
    ]);
    expectClose(read(fairness(balanced), []), [0], 1e-6);
    const collapsed = t2([
      [1e4, 0, 0],
      [1e4, -1e4, 0],
    ]);
    expectClose(read(fairness(collapsed), []), [Math.log(3)], 1e-6);
  });

  it('weights the mean prediction when weights are given', () => {
    const rng = makeRng(71);
    const logits = randomLogits(rng, 5, 3, 3);
    const w = [1, 0, 2, 0.5, 3];
    const value = fairness(t2(logits), { weights: tf.tensor1d(w) });
    expectClose(read(value, []), [fairness64(logits, w)], 1e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(72);

    it('matches the float64 reference for random logits', () => {
      const logits = randomLogits(rng, 8, 6, 4);
      expectClose(read(fairness(t2(logits)), []), [fairness64(logits)], 2e-6);
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const grad = gradOf((l) => fairness(l), logits);
      const fd = finiteDifferences((l) => fairness64(l), logits);
      expectClose(read(grad, [3, 4]), flat(fd), 1e-6);
    });

    it('keeps a finite gradient when a cluster is empty at logits ±1e4', () => {
      const logits = [
        [1e4, -1e4, 0],
        [-1e4, 1e4, 0],
      ];
      expectClose(read(fairness(t2(logits)), []), [fairness64(logits)], 1e-6);
      const grad = gradOf((l) => fairness(l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
