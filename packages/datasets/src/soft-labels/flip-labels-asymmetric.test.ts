import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { flipLabelsAsymmetric } from './flip-labels-asymmetric.js';

describe('flipLabelsAsymmetric', () => {
  it('maps every label when rate is 1 (documented example)', () => {
    const y = flipLabelsAsymmetric({
      labels: new Int32Array([0, 1]),
      numClasses: 2,
      rate: 1,
      mapping: [1, 1],
    });
    expect(Array.from(y)).toEqual([0, 1, 0, 1]);
  });

  it('uses the pair flip t → t + 1 mod K by default', () => {
    const y = flipLabelsAsymmetric({
      labels: new Int32Array([0, 1, 2]),
      numClasses: 3,
      rate: 1,
    });
    expect(Array.from(y)).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0]);
  });

  it('flips about rate of the mapped class and never a class mapped to itself', () => {
    const n = 20_000;
    const labels = Int32Array.from({ length: n }, (_, i) => i % 2);
    // Class 0 → 1 (cat → dog style), class 1 stays.
    const y = flipLabelsAsymmetric({
      labels,
      numClasses: 2,
      rate: 0.4,
      mapping: [1, 1],
      seed: 2,
    });
    let flipped = 0;
    for (let i = 0; i < n; i++) {
      if (labels[i] === 1) expect(y[2 * i + 1]).toBe(1);
      else if (y[2 * i + 1] === 1) flipped++;
    }
    const m = n / 2;
    expect(Math.abs(flipped / m - 0.4)).toBeLessThan(
      5 * Math.sqrt((0.4 * 0.6) / m),
    );
  });

  it('rejects a mapping of the wrong length or with out-of-range targets', () => {
    const labels = new Int32Array([0]);
    expectCceError(
      () =>
        flipLabelsAsymmetric({
          labels,
          numClasses: 3,
          rate: 0.5,
          mapping: [1, 2],
        }),
      'mapping',
      '3 integers',
    );
    expectCceError(
      () =>
        flipLabelsAsymmetric({
          labels,
          numClasses: 2,
          rate: 0.5,
          mapping: [0, 2],
        }),
      'mapping',
    );
    expectCceError(
      () => flipLabelsAsymmetric({ labels, numClasses: 2, rate: -1 }),
      'rate',
    );
    expectCceError(
      () => flipLabelsAsymmetric({ labels, numClasses: 1, rate: 0.5 }),
      'numClasses',
    );
  });
});
