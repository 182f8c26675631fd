import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import {
  entropy,
  mutualInfo,
  randomLabels,
  renameIds,
  seededRandom,
} from '../test/reference.js';
import type { AverageMethod } from './types.js';
import { normalizedMutualInfo } from './normalized-mutual-info.js';

const METHODS: AverageMethod[] = ['arithmetic', 'geometric', 'min', 'max'];

function referenceNmi(t: number[], p: number[], method: AverageMethod) {
  const ht = entropy(t);
  const hp = entropy(p);
  const mean = {
    arithmetic: (ht + hp) / 2,
    geometric: Math.sqrt(ht * hp),
    min: Math.min(ht, hp),
    max: Math.max(ht, hp),
  }[method];
  return mutualInfo(t, p) / mean;
}

describe('normalizedMutualInfo', () => {
  it('gives 0.8 for the documented example when worked by hand', () => {
    // MI = ln 2; H(true) = ln 2; H(pred) = 1.5 ln 2; mean = 1.25 ln 2.
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(
      0.8,
      15,
    );
  });

  it('uses each average of the entropies when asked', () => {
    const t = [0, 0, 1, 1];
    const p = [0, 0, 1, 2];
    const nmi = (averageMethod: AverageMethod) =>
      normalizedMutualInfo(t, p, { averageMethod });
    expect(nmi('min')).toBeCloseTo(1, 15);
    expect(nmi('max')).toBeCloseTo(2 / 3, 15);
    expect(nmi('geometric')).toBeCloseTo(1 / Math.sqrt(1.5), 15);
  });

  it('matches the textbook formula when labelings are random', () => {
    const random = seededRandom(31);
    let checked = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = 5 + Math.floor(random() * 200);
      const t = randomLabels(random, n, 2 + Math.floor(random() * 6));
      const p = randomLabels(random, n, 2 + Math.floor(random() * 9));
      if (new Set(t).size < 2 || new Set(p).size < 2) continue;
      checked++;
      for (const averageMethod of METHODS) {
        expect(normalizedMutualInfo(t, p, { averageMethod })).toBeCloseTo(
          referenceNmi(t, p, averageMethod),
          12,
        );
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it('is symmetric and unchanged by renaming ids', () => {
    const random = seededRandom(32);
    const t = randomLabels(random, 300, 5);
    const p = t.map((x, i) => (i % 3 === 0 ? (x * 7) % 4 : x));
    const base = normalizedMutualInfo(t, p);
    expect(normalizedMutualInfo(p, t)).toBeCloseTo(base, 14);
    expect(
      normalizedMutualInfo(renameIds(random, t), renameIds(random, p)),
    ).toBeCloseTo(base, 14);
  });

  it('is 0 when the labelings are exactly independent', () => {
    const t = Array.from({ length: 120 }, (_, i) => i % 3);
    const p = Array.from({ length: 120 }, (_, i) => Math.floor(i / 3) % 4);
    for (const averageMethod of METHODS) {
      expect(normalizedMutualInfo(t, p, { averageMethod })).toBeCloseTo(0, 14);
    }
  });

  it.each(METHODS)('follows the limit cases when averaging by %s', (m) => {
    const opts = { averageMethod: m };
    expect(normalizedMutualInfo([4, 4, 4], [1, 1, 1], opts)).toBe(1);
    expect(normalizedMutualInfo([4], [9], opts)).toBe(1);
    expect(normalizedMutualInfo([0, 0, 1, 1], [3, 3, 3, 3], opts)).toBe(0);
    expect(normalizedMutualInfo([3, 3, 3, 3], [0, 1, 2, 3], opts)).toBe(0);
    expect(normalizedMutualInfo([0, 1, 2, 3], [7, 5, 3, 1], opts)).toBe(1);
    expect(normalizedMutualInfo([0, 0, 1, 1], [1, 1, 0, 0], opts)).toBe(1);
  });

  it.each([
    ['labelsTrue', () => normalizedMutualInfo([], [])],
    ['labelsPred', () => normalizedMutualInfo([0, 1], [0, 1, 1])],
    ['labelsPred', () => normalizedMutualInfo([0, 1], [0, -3])],
    ['labelsTrue', () => normalizedMutualInfo([0, 2 ** 31], [0, 1])],
    [
      'options.averageMethod',
      () =>
        normalizedMutualInfo([0, 1], [0, 1], {
          averageMethod: 'mean' as AverageMethod,
        }),
    ],
    [
      'options',
      () => normalizedMutualInfo([0, 1], [0, 1], 'min' as unknown as undefined),
    ],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
