import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { batchIndices } from './batch-indices.js';

const flat = (batches: Int32Array[]) => batches.flatMap((b) => Array.from(b));

describe('batchIndices', () => {
  it('cuts 0..N−1 in order when shuffle is false (documented example)', () => {
    expect(
      batchIndices(5, { batchSize: 2, shuffle: false }).map((b) =>
        Array.from(b),
      ),
    ).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('visits every index exactly once per shuffled epoch', () => {
    const batches = batchIndices(103, { batchSize: 10, seed: 1 });
    expect(batches.map((b) => b.length)).toEqual([
      10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 3,
    ]);
    const all = flat(batches).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 103 }, (_, i) => i));
    expect(flat(batches)).not.toEqual(Array.from({ length: 103 }, (_, i) => i));
  });

  it('drops the short last batch when dropLast is set', () => {
    const batches = batchIndices(103, {
      batchSize: 10,
      dropLast: true,
      seed: 2,
    });
    expect(batches.length).toBe(10);
    expect(new Set(flat(batches)).size).toBe(100);
    expect(batchIndices(100, { batchSize: 10, dropLast: true }).length).toBe(
      10,
    );
    expect(batchIndices(3, { batchSize: 10, dropLast: true }).length).toBe(0);
  });

  it('repeats an epoch for the same seed and epoch, and changes with either', () => {
    const a = flat(batchIndices(50, { batchSize: 7, seed: 3, epoch: 2 }));
    expect(flat(batchIndices(50, { batchSize: 7, seed: 3, epoch: 2 }))).toEqual(
      a,
    );
    expect(
      flat(batchIndices(50, { batchSize: 7, seed: 3, epoch: 3 })),
    ).not.toEqual(a);
    expect(
      flat(batchIndices(50, { batchSize: 7, seed: 4, epoch: 2 })),
    ).not.toEqual(a);
  });

  it('places each index first about equally often over many seeds', () => {
    const n = 5;
    const counts = new Array<number>(n).fill(0);
    const trials = 5000;
    for (let s = 0; s < trials; s++)
      counts[batchIndices(n, { batchSize: n, seed: s })[0]![0]!]!++;
    // Chi-square with 4 degrees of freedom: P(X > 25) < 1e-4.
    const e = trials / n;
    expect(counts.reduce((s, c) => s + (c - e) ** 2 / e, 0)).toBeLessThan(25);
  });

  it('returns no batches for N = 0', () => {
    expect(batchIndices(0, { batchSize: 4 })).toEqual([]);
  });

  it('rejects a bad numExamples, batchSize, seed or epoch', () => {
    expectCceError(() => batchIndices(-1, { batchSize: 2 }), 'numExamples');
    expectCceError(() => batchIndices(5, { batchSize: 0 }), 'batchSize');
    expectCceError(
      () => batchIndices(5, {} as { batchSize: number }),
      'batchSize',
    );
    expectCceError(() => batchIndices(5, { batchSize: 2, seed: 1.5 }), 'seed');
    expectCceError(() => batchIndices(5, { batchSize: 2, epoch: -1 }), 'epoch');
  });
});
