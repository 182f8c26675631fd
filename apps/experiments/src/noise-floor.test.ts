import { describe, expect, it } from 'vitest';
import { cleanArgmaxRate, fittedNoiseShare } from './noise-floor.js';

/** mulberry32: a small seeded generator, independent of the trainer's. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Monte Carlo: Dirichlet(1) as normalised exponentials, class 0 true. */
function sampledRate(eta: number, k: number, draws: number, seed: number) {
  const u = rng(seed);
  const d = new Float64Array(k);
  let kept = 0;
  for (let n = 0; n < draws; n++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      d[j] = -Math.log(1 - u());
      sum += d[j]!;
    }
    let best = 0;
    let bestValue = -1;
    for (let j = 0; j < k; j++) {
      const y = (eta * d[j]!) / sum + (j === 0 ? 1 - eta : 0);
      if (y > bestValue) {
        bestValue = y;
        best = j;
      }
    }
    if (best === 0) kept++;
  }
  return kept / draws;
}

describe('cleanArgmaxRate', () => {
  it('is (1 + a)/2 with a = (1 − η)/η for two classes (worked by hand)', () => {
    // η = 0.8: a = 0.25, d_1 uniform on [0, 1]: the argmax leaves class 0
    // iff d_1 > 0.625, so it stays with probability 0.625
    expect(cleanArgmaxRate(0.8, 2)).toBeCloseTo(0.625, 14);
    expect(cleanArgmaxRate(0.9, 2)).toBeCloseTo((1 + 1 / 9) / 2, 14);
  });

  it('is 1 without noise and while the true class keeps at least half', () => {
    expect(cleanArgmaxRate(0, 10)).toBe(1);
    expect(cleanArgmaxRate(0.5, 10)).toBe(1);
    expect(cleanArgmaxRate(0.2, 3)).toBe(1);
  });

  it('is 1/K for pure noise', () => {
    expect(cleanArgmaxRate(1, 10)).toBeCloseTo(0.1, 12);
    expect(cleanArgmaxRate(1, 3)).toBeCloseTo(1 / 3, 12);
  });

  it('agrees with three terms of the sum evaluated by hand at η = 0.8, K = 10', () => {
    // a = 0.25: 9·0.75⁹/2 − 36·0.5⁹/3 + 84·0.25⁹/4, the m = 4 term is 0
    const wrong =
      (9 * 0.75 ** 9) / 2 - (36 * 0.5 ** 9) / 3 + (84 * 0.25 ** 9) / 4;
    expect(cleanArgmaxRate(0.8, 10)).toBeCloseTo(1 - wrong, 14);
  });

  it.each([
    [0.6, 10],
    [0.8, 10],
    [0.9, 10],
    [0.95, 4],
  ])('matches 200 000 Monte Carlo draws at η = %s, K = %s', (eta, k) => {
    const p = cleanArgmaxRate(eta, k);
    const draws = 200_000;
    const se = Math.sqrt((p * (1 - p)) / draws);
    expect(Math.abs(sampledRate(eta, k, draws, 7) - p)).toBeLessThan(
      5 * se + 1e-9,
    );
  });

  it('refuses η outside [0, 1] and K below 2, naming them', () => {
    expect(() => cleanArgmaxRate(1.2, 10)).toThrow(
      /eta must be in \[0, 1\], got 1.2/,
    );
    expect(() => cleanArgmaxRate(0.5, 1)).toThrow(
      /k must be an integer >= 2, got 1/,
    );
  });
});

describe('fittedNoiseShare', () => {
  it('is 0 at train accuracy 1, 1 at the floor, NaN without noise', () => {
    expect(fittedNoiseShare(1, 0.7)).toBe(0);
    expect(fittedNoiseShare(0.7, 0.7)).toBeCloseTo(1, 14);
    expect(fittedNoiseShare(0.85, 0.7)).toBeCloseTo(0.5, 14);
    expect(fittedNoiseShare(0.9, 1)).toBeNaN();
  });

  it('measures from a reference accuracy below 1', () => {
    // reference 0.9, floor 0.7: 0.85 is a quarter of the way down
    expect(fittedNoiseShare(0.85, 0.7, 0.9)).toBeCloseTo(0.25, 14);
    expect(fittedNoiseShare(0.9, 0.7, 0.9)).toBe(0);
    expect(fittedNoiseShare(0.6, 0.7, 0.7)).toBeNaN();
  });
});
