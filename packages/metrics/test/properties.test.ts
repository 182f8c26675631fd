// Property tables for the clustering metrics: invariance to renaming,
// symmetry, bounds, perfect and independent labelings, limit cases.

import { describe, expect, it } from 'vitest';
import {
  type AverageMethod,
  adjustedMutualInfo,
  adjustedRandIndex,
  clusteringAccuracy,
  normalizedMutualInfo,
  purity,
} from '../src/index.js';
import { randomLabels, renameIds, seededRandom } from './reference.js';

type Metric = (t: number[], p: number[]) => number;

const METHODS: AverageMethod[] = ['arithmetic', 'geometric', 'min', 'max'];
const SYMMETRIC: [string, Metric][] = [
  ['clusteringAccuracy', (t, p) => clusteringAccuracy(t, p).accuracy],
  ['adjustedRandIndex', adjustedRandIndex],
  ...METHODS.flatMap((m): [string, Metric][] => [
    [
      `normalizedMutualInfo/${m}`,
      (t, p) => normalizedMutualInfo(t, p, { averageMethod: m }),
    ],
    [
      `adjustedMutualInfo/${m}`,
      (t, p) => adjustedMutualInfo(t, p, { averageMethod: m }),
    ],
  ]),
];
const ALL: [string, Metric][] = [...SYMMETRIC, ['purity', purity]];

function noisyCopy(
  random: () => number,
  t: number[],
  k: number,
  noise: number,
) {
  return t.map((x) =>
    random() < noise ? Math.floor(random() * k) : (x * 3 + 1) % k,
  );
}

describe.each(ALL)('%s', (_name, metric) => {
  it('is unchanged when class and cluster ids are permuted', () => {
    const random = seededRandom(101);
    for (let trial = 0; trial < 5; trial++) {
      const t = randomLabels(random, 300, 5);
      const p = noisyCopy(random, t, 7, 0.4);
      const base = metric(t, p);
      const renamed = metric(renameIds(random, t), renameIds(random, p));
      expect(Math.abs(renamed - base)).toBeLessThan(1e-13);
    }
  });

  it('is 1 when the labelings are the same partition', () => {
    const random = seededRandom(102);
    const t = randomLabels(random, 200, 6);
    expect(metric(t, renameIds(random, t))).toBe(1);
  });

  it('stays within its bounds when labelings are random', () => {
    const random = seededRandom(103);
    for (let trial = 0; trial < 20; trial++) {
      const n = 2 + Math.floor(random() * 100);
      const t = randomLabels(random, n, 1 + Math.floor(random() * 6));
      const p = randomLabels(random, n, 1 + Math.floor(random() * 6));
      const value = metric(t, p);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeLessThanOrEqual(1 + 1e-12);
      expect(value).toBeGreaterThanOrEqual(-1 - 1e-12);
    }
  });
});

describe.each(SYMMETRIC)('%s', (_name, metric) => {
  it('is symmetric when the arguments are swapped', () => {
    const random = seededRandom(104);
    const t = randomLabels(random, 250, 4);
    const p = noisyCopy(random, t, 6, 0.5);
    expect(Math.abs(metric(t, p) - metric(p, t))).toBeLessThan(1e-13);
  });
});

describe('chance-corrected metrics', () => {
  it('are near 0 when the labelings are independent', () => {
    const random = seededRandom(105);
    const t = randomLabels(random, 20000, 10);
    const p = randomLabels(random, 20000, 10);
    expect(Math.abs(adjustedRandIndex(t, p))).toBeLessThan(2e-3);
    for (const averageMethod of METHODS) {
      expect(
        Math.abs(adjustedMutualInfo(t, p, { averageMethod })),
      ).toBeLessThan(2e-3);
      // NMI is not chance-corrected: small but positive (≈ (K−1)²/(2N H)).
      const nmi = normalizedMutualInfo(t, p, { averageMethod });
      expect(nmi).toBeGreaterThan(0);
      expect(nmi).toBeLessThan(2e-3);
    }
  });
});

// Limit cases with their defined values: [name, true, pred, acc, nmi, ami,
// ari, purity]. NMI and AMI hold for every averageMethod.
const LIMITS: [
  string,
  number[],
  number[],
  number,
  number,
  number,
  number,
  number,
][] = [
  ['one example', [4], [9], 1, 1, 1, 1, 1],
  ['one cluster in both', [2, 2, 2, 2], [0, 0, 0, 0], 1, 1, 1, 1, 1],
  ['one cluster predicted', [0, 0, 1, 2], [5, 5, 5, 5], 0.5, 0, 0, 0, 0.5],
  ['one class', [3, 3, 3, 3], [0, 0, 1, 2], 0.5, 0, 0, 0, 1],
  ['all singletons in both', [0, 1, 2, 3, 4], [9, 8, 7, 6, 5], 1, 1, 1, 1, 1],
  ['singletons against two', [0, 1, 2, 3], [0, 0, 1, 1], 0.5, 2 / 3, 0, 0, 0.5],
  ['singletons against one', [0, 1, 2, 3], [6, 6, 6, 6], 0.25, 0, 0, 0, 0.25],
];

describe.each(LIMITS)(
  'limit case: %s',
  (_name, t, p, acc, nmi, ami, ari, pur) => {
    it('returns the defined values when evaluated', () => {
      expect(clusteringAccuracy(t, p).accuracy).toBe(acc);
      expect(adjustedRandIndex(t, p)).toBe(ari);
      expect(purity(t, p)).toBe(pur);
      expect(adjustedMutualInfo(t, p)).toBe(ami);
      expect(normalizedMutualInfo(t, p)).toBeCloseTo(nmi, 14);
      for (const averageMethod of METHODS) {
        expect(adjustedMutualInfo(t, p, { averageMethod })).toBe(ami);
        if (nmi === 0 || nmi === 1) {
          expect(normalizedMutualInfo(t, p, { averageMethod })).toBe(nmi);
        }
      }
    });
  },
);
