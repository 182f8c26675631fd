import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import {
  bruteForceClusteringAccuracy,
  randomLabels,
  renameIds,
  seededRandom,
} from '../test/reference.js';
import { clusteringAccuracy } from './clustering-accuracy.js';

describe('clusteringAccuracy', () => {
  it('returns the documented accuracy and mapping when clusters are renamed', () => {
    const result = clusteringAccuracy([0, 0, 0, 1, 1, 2], [5, 5, 7, 7, 7, 9]);
    expect(result.accuracy).toBeCloseTo(5 / 6, 15);
    expect(result.numCorrect).toBe(5);
    expect([...result.mapping.entries()].sort()).toEqual([
      [5, 0],
      [7, 1],
      [9, 2],
    ]);
  });

  it('beats the greedy majority vote when two clusters prefer one class', () => {
    // Table (classes × clusters): [[3, 2], [0, 2]]: greedy gives both
    // clusters class 0; one-to-one gives 3 + 2 = 5 of 7.
    const truth = [0, 0, 0, 0, 0, 1, 1];
    const pred = [0, 0, 0, 1, 1, 1, 1];
    const result = clusteringAccuracy(truth, pred);
    expect(result.numCorrect).toBe(5);
    expect([...result.mapping.entries()].sort()).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('counts unmatched clusters as errors when there are more clusters than classes', () => {
    // Two classes, four clusters: only two clusters can be matched.
    const truth = [0, 0, 0, 1, 1, 1];
    const pred = [0, 0, 1, 2, 2, 3];
    const result = clusteringAccuracy(truth, pred);
    expect(result.numCorrect).toBe(4);
    expect(result.mapping.size).toBe(2);
    expect(result.mapping.get(0)).toBe(0);
    expect(result.mapping.get(2)).toBe(1);
  });

  it('matches every cluster when there are more classes than clusters', () => {
    const result = clusteringAccuracy([0, 1, 2, 3, 3], [4, 4, 4, 8, 8]);
    expect(result.numCorrect).toBe(3);
    expect(result.mapping.size).toBe(2);
    expect(result.mapping.get(8)).toBe(3);
  });

  it('completes the mapping one-to-one when some pairs share no example', () => {
    // Classes 0, 1 meet only cluster 0; class 2 only cluster 1; cluster 2
    // shares nothing with an unmatched class but still gets one.
    const result = clusteringAccuracy([0, 0, 1, 2, 2, 2], [0, 0, 0, 1, 1, 2]);
    expect(result.numCorrect).toBe(4);
    expect(result.mapping.size).toBe(3);
    expect(new Set(result.mapping.values()).size).toBe(3);
  });

  it('matches brute force when labelings are small and random', () => {
    const random = seededRandom(21);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 30);
      const truth = randomLabels(random, n, 1 + Math.floor(random() * 6));
      const pred = randomLabels(random, n, 1 + Math.floor(random() * 6));
      const expected = bruteForceClusteringAccuracy(truth, pred);
      expect(clusteringAccuracy(truth, pred).accuracy).toBeCloseTo(
        expected,
        14,
      );
    }
  });

  it('is unchanged when cluster and class ids are permuted', () => {
    const random = seededRandom(22);
    const truth = randomLabels(random, 500, 8);
    const pred = truth.map((t, i) => (i % 5 === 0 ? (t + 1) % 8 : t));
    const base = clusteringAccuracy(truth, pred).accuracy;
    const renamed = clusteringAccuracy(
      renameIds(random, truth),
      renameIds(random, pred),
    ).accuracy;
    expect(base).toBeCloseTo(0.8, 1);
    expect(renamed).toBe(base);
  });

  it('is 1 when both labelings are the same partition', () => {
    const truth = [3, 3, 1, 1, 9, 9, 9];
    const pred = [0, 0, 7, 7, 2, 2, 2];
    expect(clusteringAccuracy(truth, pred).accuracy).toBe(1);
  });

  it('gives the largest class share when there is a single cluster', () => {
    const truth = [0, 0, 0, 1, 2, 2];
    expect(clusteringAccuracy(truth, [4, 4, 4, 4, 4, 4]).accuracy).toBe(0.5);
  });

  it('gives Kt / N when every example is its own cluster', () => {
    const n = 100_000;
    const truth = Int32Array.from({ length: n }, (_, i) => i % 10);
    const pred = Int32Array.from({ length: n }, (_, i) => i);
    const result = clusteringAccuracy(truth, pred);
    expect(result.numCorrect).toBe(10);
    expect(result.mapping.size).toBe(10);
  });

  it('is 1 when both labelings are all singletons', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    const shuffled = [...ids].reverse();
    expect(clusteringAccuracy(ids, shuffled).accuracy).toBe(1);
  });

  it.each([
    ['labelsTrue', () => clusteringAccuracy([], [])],
    ['labelsPred', () => clusteringAccuracy([0, 1], [0])],
    ['labelsTrue', () => clusteringAccuracy([0, -1], [0, 1])],
    ['labelsPred', () => clusteringAccuracy([0, 1], [0, 0.5])],
    ['labelsPred', () => clusteringAccuracy([0, 1], [0, Number.NaN])],
    ['labelsTrue', () => clusteringAccuracy([Number.POSITIVE_INFINITY], [0])],
  ])('throws naming %s when labels are invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});

describe('clusteringAccuracy on a huge linked block', () => {
  it('throws naming labelsPred when one block exceeds 2^26 cells', () => {
    // Class i shares examples with clusters i and i + 1: one chain-linked
    // block of 8193 classes × 8194 clusters (LIMITATION L-001).
    const k = 8193;
    const truth = Int32Array.from({ length: 2 * k }, (_, i) => i >> 1);
    const pred = Int32Array.from({ length: 2 * k }, (_, i) => (i + 1) >> 1);
    expectCceError(() => clusteringAccuracy(truth, pred), 'labelsPred');
  });
});
