import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from './create-rng.js';
import { sampleDirichlet } from './sample-dirichlet.js';

describe('sampleDirichlet', () => {
  it('matches the Dirichlet mean and variance when alpha is [0.5, 1, 2.5]', () => {
    const alpha = [0.5, 1, 2.5];
    const a0 = 4;
    const rng = createRng(21);
    const n = 30_000;
    const sums = [0, 0, 0];
    const sqs = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const d = sampleDirichlet(rng, alpha);
      expect(d.length).toBe(3);
      for (let k = 0; k < 3; k++) {
        sums[k]! += d[k]!;
        sqs[k]! += d[k]! ** 2;
      }
    }
    for (let k = 0; k < 3; k++) {
      const a = alpha[k]!;
      const mean = a / a0;
      const variance = (a * (a0 - a)) / (a0 * a0 * (a0 + 1));
      const m = sums[k]! / n;
      const v = sqs[k]! / n - m * m;
      expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
      // Loose bound on the variance: 5% relative (its SE is below 1%).
      expect(Math.abs(v - variance) / variance).toBeLessThan(0.05);
    }
  });

  it('returns points on the simplex when alpha is tiny (0.01)', () => {
    const rng = createRng(2);
    for (let i = 0; i < 200; i++) {
      const d = sampleDirichlet(rng, 0.01, 10);
      const sum = d.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
      expect(d.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    }
  });

  it('sums to 1 in the documented example', () => {
    const d = sampleDirichlet(createRng(7), 1, 3);
    expect(d.length).toBe(3);
    expect(Math.abs(d[0]! + d[1]! + d[2]! - 1)).toBeLessThan(1e-12);
  });

  it('rejects a missing numClasses, a wrong alpha length and alpha <= 0', () => {
    expectCceError(() => sampleDirichlet(createRng(0), 1), 'numClasses');
    expectCceError(
      () => sampleDirichlet(createRng(0), [1, 2], 3),
      'alpha',
      'length 3',
    );
    expectCceError(() => sampleDirichlet(createRng(0), [1, -2]), 'alpha[1]');
    expectCceError(() => sampleDirichlet(createRng(0), 0, 2), 'alpha');
    expectCceError(
      () => sampleDirichlet(createRng(0), 'x' as unknown as number, 2),
      'alpha',
    );
  });
});
