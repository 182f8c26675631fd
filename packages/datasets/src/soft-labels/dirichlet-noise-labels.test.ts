import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { dirichletNoiseLabels } from './dirichlet-noise-labels.js';

function columnMeans(y: Float32Array, k: number, labels: Int32Array) {
  // Mean of the true-class entry and of the other entries, over rows.
  let trueSum = 0;
  let otherSum = 0;
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      if (j === labels[i]) trueSum += y[i * k + j]!;
      else otherSum += y[i * k + j]!;
    }
  }
  return { trueMean: trueSum / n, otherMean: otherSum / (n * (k - 1)) };
}

describe('dirichletNoiseLabels', () => {
  it('returns one-hot rows when eta is 0 (documented example)', () => {
    const y = dirichletNoiseLabels({
      labels: new Int32Array([1]),
      numClasses: 3,
      eta: 0,
    });
    expect(Array.from(y)).toEqual([0, 1, 0]);
  });

  it('matches the closed-form mean (1 − η) + η/K of the true class when alpha is 1', () => {
    const n = 20_000;
    const k = 4;
    const eta = 0.6;
    const labels = Int32Array.from({ length: n }, (_, i) => i % k);
    const y = dirichletNoiseLabels({ labels, numClasses: k, eta, seed: 3 });
    expect(y.length).toBe(n * k);
    const { trueMean, otherMean } = columnMeans(y, k, labels);
    // d ~ Dir(1,1,1,1): Var d_t = (K − 1) / (K² (K + 1)) = 3/80.
    const se = (eta * Math.sqrt(3 / 80)) / Math.sqrt(n);
    expect(Math.abs(trueMean - (1 - eta + eta / k))).toBeLessThan(5 * se);
    expect(Math.abs(otherMean - eta / k)).toBeLessThan(5 * se);
  });

  it('keeps every row on the simplex for any eta and a small alpha', () => {
    const labels = Int32Array.from({ length: 500 }, (_, i) => i % 10);
    for (const eta of [0.2, 0.9, 1]) {
      const y = dirichletNoiseLabels({
        labels,
        numClasses: 10,
        eta,
        alpha: 0.05,
        seed: 1,
      });
      for (let i = 0; i < 500; i++) {
        let s = 0;
        for (let j = 0; j < 10; j++) {
          const v = y[i * 10 + j]!;
          expect(v).toBeGreaterThanOrEqual(0);
          s += v;
        }
        expect(Math.abs(s - 1)).toBeLessThan(1e-6);
      }
    }
  });

  it('follows a per-class alpha vector: E[y_k] = η α_k / α₀ off the true class', () => {
    const n = 20_000;
    const alpha = [1, 2, 5];
    const labels = new Int32Array(n); // all class 0
    const y = dirichletNoiseLabels({
      labels,
      numClasses: 3,
      eta: 1,
      alpha,
      seed: 8,
    });
    for (let k = 0; k < 3; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += y[i * 3 + k]!;
      const a = alpha[k]!;
      const sd = Math.sqrt((a * (8 - a)) / (64 * 9));
      expect(Math.abs(s / n - a / 8)).toBeLessThan((5 * sd) / Math.sqrt(n));
    }
  });

  it('repeats for the same seed and differs for another', () => {
    const labels = new Int32Array([0, 1, 2, 1]);
    const a = dirichletNoiseLabels({
      labels,
      numClasses: 3,
      eta: 0.5,
      seed: 4,
    });
    const b = dirichletNoiseLabels({
      labels,
      numClasses: 3,
      eta: 0.5,
      seed: 4,
    });
    const c = dirichletNoiseLabels({
      labels,
      numClasses: 3,
      eta: 0.5,
      seed: 5,
    });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('rejects bad labels, numClasses, eta, alpha and seed', () => {
    const labels = new Int32Array([0, 1]);
    expectCceError(
      () => dirichletNoiseLabels({ labels, numClasses: 2, eta: 1.5 }),
      'eta',
      'got 1.5',
    );
    expectCceError(
      () =>
        dirichletNoiseLabels({ labels, numClasses: 2, eta: 0.1, alpha: -1 }),
      'alpha',
    );
    expectCceError(
      () =>
        dirichletNoiseLabels({ labels, numClasses: 2, eta: 0.1, alpha: [1] }),
      'alpha',
      'length 2',
    );
    expectCceError(
      () =>
        dirichletNoiseLabels({
          labels: new Int32Array([2]),
          numClasses: 2,
          eta: 0.1,
        }),
      'labels',
      '2 at index 0',
    );
    expectCceError(
      () =>
        dirichletNoiseLabels({
          labels: [0] as unknown as Int32Array,
          numClasses: 2,
          eta: 0.1,
        }),
      'labels',
      'Int32Array',
    );
    expectCceError(
      () => dirichletNoiseLabels({ labels, numClasses: 0, eta: 0.1 }),
      'numClasses',
    );
    expectCceError(
      () => dirichletNoiseLabels({ labels, numClasses: 2, eta: 0.1, seed: -1 }),
      'seed',
    );
  });
});
