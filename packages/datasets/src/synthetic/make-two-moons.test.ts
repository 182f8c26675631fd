import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { makeTwoMoons } from './make-two-moons.js';

describe('makeTwoMoons', () => {
  it('puts noise-free points on the two half circles (documented example)', () => {
    const m = makeTwoMoons({
      numSamples: 201,
      noise: 0,
      shuffle: false,
      seed: 3,
    });
    expect(m.shape).toEqual([201, 2]);
    for (let i = 0; i < 201; i++) {
      const x = m.features[2 * i]!;
      const y = m.features[2 * i + 1]!;
      if (m.labels[i] === 0) {
        expect(Math.hypot(x, y)).toBeCloseTo(1, 6);
        expect(y).toBeGreaterThanOrEqual(0);
      } else {
        expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 6);
        expect(y).toBeLessThanOrEqual(0.5);
      }
    }
    expect(m.labels.filter((t) => t === 0).length).toBe(101);
  });

  it('adds noise of the requested standard deviation', () => {
    const m = makeTwoMoons({ numSamples: 20_000, noise: 0.2, seed: 1 });
    // Radial residuals of class 0: approximately N(0, 0.2²) for small noise.
    let sq = 0;
    let n = 0;
    for (let i = 0; i < 20_000; i++) {
      if (m.labels[i] !== 0) continue;
      sq += (Math.hypot(m.features[2 * i]!, m.features[2 * i + 1]!) - 1) ** 2;
      n++;
    }
    expect(Math.abs(Math.sqrt(sq / n) - 0.2)).toBeLessThan(0.02);
  });

  it('repeats for the same seed', () => {
    const a = makeTwoMoons({ numSamples: 30, seed: 8 });
    const b = makeTwoMoons({ numSamples: 30, seed: 8 });
    expect(Array.from(a.features)).toEqual(Array.from(b.features));
  });

  it('rejects invalid numSamples, noise and seed', () => {
    expectCceError(() => makeTwoMoons({ numSamples: 0 }), 'numSamples');
    expectCceError(() => makeTwoMoons({ numSamples: 5, noise: -0.1 }), 'noise');
    expectCceError(() => makeTwoMoons({ numSamples: 5, seed: 0.5 }), 'seed');
  });
});
