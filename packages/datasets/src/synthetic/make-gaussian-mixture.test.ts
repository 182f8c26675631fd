import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { makeGaussianMixture } from './make-gaussian-mixture.js';

function distance(
  means: Float64Array,
  d: number,
  a: number,
  b: number,
): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (means[a * d + j]! - means[b * d + j]!) ** 2;
  return Math.sqrt(s);
}

describe('makeGaussianMixture', () => {
  it('returns [N, D] features and N labels as in the documented example', () => {
    const g = makeGaussianMixture({
      numSamples: 100,
      numClasses: 3,
      dim: 5,
      seed: 1,
    });
    expect(g.shape).toEqual([100, 5]);
    expect(g.features).toBeInstanceOf(Float32Array);
    expect(g.features.length).toBe(500);
    expect(g.labels.length).toBe(100);
    expect(g.means.length).toBe(15);
  });

  it('places every pair of means exactly separation * std apart when dim >= numClasses', () => {
    const g = makeGaussianMixture({
      numSamples: 10,
      numClasses: 4,
      dim: 6,
      separation: 3,
      std: 2,
    });
    for (let a = 0; a < 4; a++)
      for (let b = a + 1; b < 4; b++)
        expect(distance(g.means, 6, a, b)).toBeCloseTo(6, 12);
  });

  it('makes the closest pair of means separation * std apart when dim < numClasses', () => {
    const g = makeGaussianMixture({
      numSamples: 10,
      numClasses: 6,
      dim: 2,
      separation: 5,
      seed: 4,
    });
    let closest = Number.POSITIVE_INFINITY;
    for (let a = 0; a < 6; a++)
      for (let b = a + 1; b < 6; b++)
        closest = Math.min(closest, distance(g.means, 2, a, b));
    expect(closest).toBeCloseTo(5, 10);
  });

  it('draws each class around its mean with the given std', () => {
    const k = 3;
    const d = 4;
    const std = 0.5;
    const g = makeGaussianMixture({
      numSamples: 30_000,
      numClasses: k,
      dim: d,
      std,
      seed: 9,
    });
    const sums = new Float64Array(k * d);
    const sq = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let i = 0; i < 30_000; i++) {
      const t = g.labels[i]!;
      counts[t]!++;
      for (let j = 0; j < d; j++) sums[t * d + j]! += g.features[i * d + j]!;
    }
    for (let i = 0; i < 30_000; i++) {
      const t = g.labels[i]!;
      for (let j = 0; j < d; j++)
        sq[t]! += (g.features[i * d + j]! - g.means[t * d + j]!) ** 2;
    }
    for (let c = 0; c < k; c++) {
      const n = counts[c]!;
      for (let j = 0; j < d; j++) {
        // Mean error: 5 standard errors of std / sqrt(n).
        expect(
          Math.abs(sums[c * d + j]! / n - g.means[c * d + j]!),
        ).toBeLessThan((5 * std) / Math.sqrt(n));
      }
      expect(Math.abs(Math.sqrt(sq[c]! / (n * d)) - std)).toBeLessThan(0.02);
    }
  });

  it('sizes classes geometrically with the requested imbalance ratio', () => {
    const g = makeGaussianMixture({
      numSamples: 1000,
      numClasses: 3,
      dim: 2,
      imbalance: 4,
      shuffle: false,
    });
    // Weights 1, 1/2, 1/4 of 1.75: 571.43, 285.71, 142.86 -> 571, 286, 143.
    expect(Array.from(g.counts)).toEqual([571, 286, 143]);
    const counted = [0, 0, 0];
    for (const t of g.labels) counted[t]!++;
    expect(counted).toEqual([571, 286, 143]);
    // Unshuffled rows are sorted by class.
    expect(g.labels[570]).toBe(0);
    expect(g.labels[571]).toBe(1);
  });

  it('repeats the data for the same seed and changes it for another', () => {
    const a = makeGaussianMixture({
      numSamples: 50,
      numClasses: 2,
      dim: 3,
      seed: 5,
    });
    const b = makeGaussianMixture({
      numSamples: 50,
      numClasses: 2,
      dim: 3,
      seed: 5,
    });
    const c = makeGaussianMixture({
      numSamples: 50,
      numClasses: 2,
      dim: 3,
      seed: 6,
    });
    expect(Array.from(a.features)).toEqual(Array.from(b.features));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.features)).not.toEqual(Array.from(c.features));
  });

  it('puts a single class at the origin', () => {
    const g = makeGaussianMixture({ numSamples: 3, numClasses: 1, dim: 2 });
    expect(Array.from(g.means)).toEqual([0, 0]);
    expect(Array.from(g.labels)).toEqual([0, 0, 0]);
  });

  it('rejects invalid sizes, separation, std, imbalance and seed', () => {
    const base = { numSamples: 10, numClasses: 2, dim: 2 };
    expectCceError(
      () => makeGaussianMixture({ ...base, numSamples: 0 }),
      'numSamples',
    );
    expectCceError(
      () => makeGaussianMixture({ ...base, numClasses: 1.5 }),
      'numClasses',
    );
    expectCceError(() => makeGaussianMixture({ ...base, dim: -1 }), 'dim');
    expectCceError(
      () => makeGaussianMixture({ ...base, separation: -1 }),
      'separation',
    );
    expectCceError(() => makeGaussianMixture({ ...base, std: 0 }), 'std');
    expectCceError(
      () => makeGaussianMixture({ ...base, imbalance: 0.5 }),
      'imbalance',
    );
    expectCceError(() => makeGaussianMixture({ ...base, seed: -3 }), 'seed');
  });
});
