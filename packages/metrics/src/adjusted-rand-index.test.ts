import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import {
  denseTable,
  randomLabels,
  renameIds,
  seededRandom,
} from '../test/reference.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';

/** Hubert and Arabie's formula with binomial coefficients C(x, 2). */
function referenceAri(t: number[], p: number[]): number {
  const { table } = denseTable(t, p);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const a = table.map((row) => row.reduce((s, x) => s + x, 0));
  const b = table[0]!.map((_, j) => table.reduce((s, row) => s + row[j]!, 0));
  const index = table.flat().reduce((s, x) => s + pairs(x), 0);
  const sumA = a.reduce((s, x) => s + pairs(x), 0);
  const sumB = b.reduce((s, x) => s + pairs(x), 0);
  const expected = (sumA * sumB) / pairs(t.length);
  return (index - expected) / ((sumA + sumB) / 2 - expected);
}

describe('adjustedRandIndex', () => {
  it('gives 4/7 for the documented example when worked by hand', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(
      4 / 7,
      15,
    );
  });

  it('reaches −1/2 when the labelings disagree as much as possible', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBe(-0.5);
  });

  it('matches the Hubert–Arabie formula when labelings are random', () => {
    const random = seededRandom(51);
    for (let trial = 0; trial < 60; trial++) {
      const n = 3 + Math.floor(random() * 300);
      const t = randomLabels(random, n, 1 + Math.floor(random() * 8));
      const p = randomLabels(random, n, 2 + Math.floor(random() * 8));
      if (new Set(p).size < 2) continue;
      expect(adjustedRandIndex(t, p)).toBeCloseTo(referenceAri(t, p), 12);
    }
  });

  it('is symmetric and unchanged by renaming ids', () => {
    const random = seededRandom(52);
    const t = randomLabels(random, 400, 6);
    const p = t.map((x, i) => (i % 3 === 0 ? Math.floor(random() * 6) : x));
    const base = adjustedRandIndex(t, p);
    expect(adjustedRandIndex(p, t)).toBe(base);
    expect(adjustedRandIndex(renameIds(random, t), renameIds(random, p))).toBe(
      base,
    );
  });

  it('stays accurate when products of pair counts exceed 2^53', () => {
    // Two halves against alternating ids: the table is [[m, m], [m, m]]
    // with m = N/4. Hubert–Arabie with exact BigInt rationals:
    // ARI = (I·P − S²) / (S·P − S²), I = 4 C(m,2), S = 2 C(2m,2), P = C(N,2).
    const n = 200_000;
    const t = Int32Array.from({ length: n }, (_, i) => (i < n / 2 ? 0 : 1));
    const p = Int32Array.from({ length: n }, (_, i) => i % 2);
    const pairs = (x: bigint) => (x * (x - 1n)) / 2n;
    const m = BigInt(n / 4);
    const index = 4n * pairs(m);
    const sum = 2n * pairs(2n * m);
    const all = pairs(BigInt(n));
    const exact =
      Number(index * all - sum * sum) / Number(sum * all - sum * sum);
    const ari = adjustedRandIndex(t, p);
    expect(ari).toBeLessThan(0);
    expect(Math.abs(ari - exact)).toBeLessThan(1e-15 * Math.abs(exact));
  });

  it('follows the limit cases when a labeling is trivial', () => {
    expect(adjustedRandIndex([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [5, 4, 3])).toBe(1);
    expect(adjustedRandIndex([7], [7])).toBe(1);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [3, 3, 3, 3])).toBe(0);
  });

  it.each([
    ['labelsTrue', () => adjustedRandIndex([], [])],
    ['labelsPred', () => adjustedRandIndex([0, 1], [0])],
    ['labelsTrue', () => adjustedRandIndex([0, Number.NaN], [0, 1])],
    ['labelsPred', () => adjustedRandIndex([0, 1], {} as number[])],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
