import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { flipLabelsSymmetric } from './flip-labels-symmetric.js';

function argmaxRows(y: Float32Array, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < y.length / k; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (y[i * k + j]! > y[i * k + best]!) best = j;
    out.push(best);
  }
  return out;
}

describe('flipLabelsSymmetric', () => {
  it('always moves to the other class when rate is 1 and K is 2 (documented example)', () => {
    const y = flipLabelsSymmetric({
      labels: new Int32Array([0]),
      numClasses: 2,
      rate: 1,
    });
    expect(Array.from(y)).toEqual([0, 1]);
  });

  it('keeps one-hot labels unchanged when rate is 0', () => {
    const labels = new Int32Array([0, 3, 2, 1]);
    expect(
      argmaxRows(flipLabelsSymmetric({ labels, numClasses: 4, rate: 0 }), 4),
    ).toEqual([0, 3, 2, 1]);
  });

  it('flips a Binomial(N, rate) share uniformly over the other classes', () => {
    const n = 40_000;
    const k = 5;
    const rate = 0.3;
    const labels = new Int32Array(n).fill(2);
    const y = flipLabelsSymmetric({ labels, numClasses: k, rate, seed: 6 });
    const counts = new Array<number>(k).fill(0);
    for (const t of argmaxRows(y, k)) counts[t]!++;
    const flipped = n - counts[2]!;
    expect(Math.abs(flipped / n - rate)).toBeLessThan(
      5 * Math.sqrt((rate * (1 - rate)) / n),
    );
    // Each other class gets rate/(K−1) = 0.075 of the examples.
    for (const j of [0, 1, 3, 4]) {
      const p = rate / (k - 1);
      expect(Math.abs(counts[j]! / n - p)).toBeLessThan(
        5 * Math.sqrt((p * (1 - p)) / n),
      );
    }
    // Rows stay one-hot.
    expect(y.reduce((s, v) => s + v, 0)).toBe(n);
  });

  it('rejects K < 2, a rate outside [0, 1] and bad labels', () => {
    expectCceError(
      () =>
        flipLabelsSymmetric({
          labels: new Int32Array([0]),
          numClasses: 1,
          rate: 0.1,
        }),
      'numClasses',
    );
    expectCceError(
      () =>
        flipLabelsSymmetric({
          labels: new Int32Array([0]),
          numClasses: 2,
          rate: 2,
        }),
      'rate',
    );
    expectCceError(
      () =>
        flipLabelsSymmetric({
          labels: new Int32Array([5]),
          numClasses: 2,
          rate: 0.1,
        }),
      'labels',
    );
  });
});
