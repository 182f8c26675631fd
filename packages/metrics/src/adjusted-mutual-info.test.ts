import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import {
  entropy,
  expectedMutualInfoByPermutations,
  mutualInfo,
  randomLabels,
  renameIds,
  seededRandom,
} from '../test/reference.js';
import { adjustedMutualInfo } from './adjusted-mutual-info.js';
import type { AverageMethod } from './types.js';

const METHODS: AverageMethod[] = ['arithmetic', 'geometric', 'min', 'max'];

describe('adjustedMutualInfo', () => {
  it('gives the documented values when worked by hand', () => {
    expect(adjustedMutualInfo([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    // MI = 0; each of the 4 cells has E = (1/6)(2/4) ln 2, so E[MI] =
    // ln 2 / 3 and AMI = (0 − ln2/3) / (ln 2 − ln2/3) = −1/2.
    expect(adjustedMutualInfo([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(
      -0.5,
      14,
    );
  });

  it('matches the average over all permutations when N is small', () => {
    const random = seededRandom(41);
    let checked = 0;
    for (let trial = 0; trial < 12; trial++) {
      const n = 5 + (trial % 3); // 5..7: at most 5040 permutations
      const t = randomLabels(random, n, 2 + (trial % 2));
      const p = randomLabels(random, n, 3);
      const kt = new Set(t).size;
      const kp = new Set(p).size;
      if (kt < 2 || kp < 2 || kt === n || kp === n) continue;
      checked++;
      const emi = expectedMutualInfoByPermutations(t, p);
      const mi = mutualInfo(t, p);
      for (const averageMethod of METHODS) {
        const ht = entropy(t);
        const hp = entropy(p);
        const mean = {
          arithmetic: (ht + hp) / 2,
          geometric: Math.sqrt(ht * hp),
          min: Math.min(ht, hp),
          max: Math.max(ht, hp),
        }[averageMethod];
        expect(adjustedMutualInfo(t, p, { averageMethod })).toBeCloseTo(
          (mi - emi) / (mean - emi),
          12,
        );
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('is symmetric and unchanged by renaming ids', () => {
    const random = seededRandom(42);
    const t = randomLabels(random, 400, 6);
    const p = t.map((x, i) => (i % 4 === 0 ? Math.floor(random() * 9) : x));
    const base = adjustedMutualInfo(t, p);
    expect(adjustedMutualInfo(p, t)).toBeCloseTo(base, 13);
    expect(
      adjustedMutualInfo(renameIds(random, t), renameIds(random, p)),
    ).toBeCloseTo(base, 13);
  });

  it('is near 0 when labelings are independent', () => {
    const random = seededRandom(43);
    const t = randomLabels(random, 5000, 10);
    const p = randomLabels(random, 5000, 10);
    expect(Math.abs(adjustedMutualInfo(t, p))).toBeLessThan(0.01);
  });

  it.each(METHODS)('follows the limit cases when averaging by %s', (m) => {
    const opts = { averageMethod: m };
    expect(adjustedMutualInfo([2, 2, 2], [5, 5, 5], opts)).toBe(1);
    expect(adjustedMutualInfo([2], [5], opts)).toBe(1);
    expect(adjustedMutualInfo([0, 0, 1, 1], [3, 3, 3, 3], opts)).toBe(0);
    expect(adjustedMutualInfo([1, 1, 1, 1], [0, 0, 1, 1], opts)).toBe(0);
    expect(adjustedMutualInfo([0, 1, 2, 3], [3, 2, 1, 0], opts)).toBe(1);
    expect(adjustedMutualInfo([0, 1, 2, 3], [0, 0, 1, 1], opts)).toBe(0);
    expect(adjustedMutualInfo([0, 0, 1, 1], [0, 1, 2, 3], opts)).toBe(0);
  });

  it.each([
    ['labelsTrue', () => adjustedMutualInfo([], [])],
    ['labelsPred', () => adjustedMutualInfo([0], [0, 1])],
    ['labelsPred', () => adjustedMutualInfo([0, 1], [0, 1.25])],
    [
      'options.averageMethod',
      () =>
        adjustedMutualInfo([0, 1], [0, 1], {
          averageMethod: 'median' as AverageMethod,
        }),
    ],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
