import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from './create-rng.js';
import { sampleGamma } from './sample-gamma.js';

describe('sampleGamma', () => {
  // Gamma(α, 1): mean α, variance α, fourth central moment 3α² + 6α, so the
  // sample variance has standard error sqrt((2α² + 6α) / n). Bounds: 5 SE.
  for (const alpha of [0.3, 1, 2.5, 10]) {
    it(`matches the mean and variance of Gamma(${alpha}) when sampled 40k times`, () => {
      const rng = createRng(100 + Math.round(alpha * 10));
      const n = 40_000;
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) xs[i] = sampleGamma(rng, alpha);
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      expect(Math.abs(mean - alpha)).toBeLessThan(5 * Math.sqrt(alpha / n));
      const seVar = Math.sqrt((2 * alpha * alpha + 6 * alpha) / n);
      expect(Math.abs(variance - alpha)).toBeLessThan(5 * seVar);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    });
  }

  it('gives the exponential median ln 2 when shape is 1', () => {
    const rng = createRng(5);
    const n = 40_000;
    let below = 0;
    for (let i = 0; i < n; i++) if (sampleGamma(rng, 1) < Math.LN2) below++;
    // Binomial(n, 1/2): sd 0.0025.
    expect(Math.abs(below / n - 0.5)).toBeLessThan(0.0125);
  });

  it('averages close to the shape in the documented example', () => {
    const rng = createRng(1);
    let sum = 0;
    for (let i = 0; i < 10000; i++) sum += sampleGamma(rng, 3);
    expect(Math.abs(sum / 10000 - 3)).toBeLessThan(5 * Math.sqrt(3 / 10000));
  });

  it('rejects a shape that is not a finite number > 0', () => {
    expectCceError(() => sampleGamma(createRng(0), 0), 'shape', 'got 0');
    expectCceError(
      () => sampleGamma(createRng(0), Number.POSITIVE_INFINITY),
      'shape',
    );
  });
});
