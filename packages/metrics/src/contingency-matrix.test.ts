import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import { denseTable, randomLabels, seededRandom } from '../test/reference.js';
import { contingencyMatrix } from './contingency-matrix.js';

describe('contingencyMatrix', () => {
  it('counts the documented example when ids are not contiguous', () => {
    const { classIds, clusterIds, counts } = contingencyMatrix(
      [1, 1, 3],
      [0, 9, 9],
    );
    expect(Array.from(classIds)).toEqual([1, 3]);
    expect(Array.from(clusterIds)).toEqual([0, 9]);
    expect(Array.from(counts)).toEqual([1, 1, 0, 1]);
  });

  it('matches a plain count when labels are random', () => {
    const random = seededRandom(71);
    const t = randomLabels(random, 1000, 7);
    const p = randomLabels(random, 1000, 4);
    const result = contingencyMatrix(Int32Array.from(t), p);
    const reference = denseTable(t, p);
    expect(result.counts.length).toBe(
      reference.rows.length * reference.cols.length,
    );
    expect(Array.from(result.counts)).toEqual(reference.table.flat());
  });

  it('sorts large sparse ids when they exceed the lookup-table bound', () => {
    const big = [2147483647, 70000, 5, 70000, 2147483647];
    const { classIds, counts } = contingencyMatrix(big, [0, 0, 1, 1, 1]);
    expect(Array.from(classIds)).toEqual([5, 70000, 2147483647]);
    expect(Array.from(counts)).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it('matches a plain count when ids are spread below the table bound', () => {
    // Ids up to 60000 on both sides: too many raw-id cells for one table,
    // so ids are remapped through lookup tables first.
    const random = seededRandom(72);
    const idsTrue = [3, 59999, 12345, 40000];
    const idsPred = [0, 60000, 777];
    const t = Array.from(
      { length: 500 },
      () => idsTrue[Math.floor(random() * 4)]!,
    );
    const p = Array.from(
      { length: 500 },
      () => idsPred[Math.floor(random() * 3)]!,
    );
    const result = contingencyMatrix(t, p);
    const reference = denseTable(t, p);
    expect(Array.from(result.classIds)).toEqual(reference.rows);
    expect(Array.from(result.clusterIds)).toEqual(reference.cols);
    expect(Array.from(result.counts)).toEqual(reference.table.flat());
  });

  it('counts through the sparse path when the table has many cells', () => {
    // 3000 × 3000 cells exceed the dense-counting bound of 2^22.
    const n = 3000;
    const t = Int32Array.from({ length: n }, (_, i) => i);
    const p = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    const { counts } = contingencyMatrix(t, p);
    expect(counts.length).toBe(n * n);
    expect(counts[0 * n + (n - 1)]).toBe(1);
    expect(counts[(n - 1) * n + 0]).toBe(1);
    expect(counts.reduce((s, x) => s + x, 0)).toBe(n);
  });

  it('accepts Uint8Array, Uint16Array and Uint32Array labels', () => {
    const t = Uint8Array.from([0, 1, 1]);
    const p = Uint16Array.from([3, 3, 4]);
    expect(Array.from(contingencyMatrix(t, p).counts)).toEqual([1, 0, 1, 1]);
    const q = Uint32Array.from([4000000000, 0, 0]);
    expectCceError(() => contingencyMatrix(t, q), 'labelsPred');
  });

  it.each([
    ['labelsTrue', () => contingencyMatrix([], [])],
    ['labelsTrue', () => contingencyMatrix(Int32Array.from([0, -4]), [0, 1])],
    ['labelsPred', () => contingencyMatrix([0, 1], [0, 1, 2])],
    [
      'labelsTrue',
      () =>
        contingencyMatrix(new Float64Array(2) as unknown as number[], [0, 1]),
    ],
    [
      'labelsPred',
      () => {
        const n = 6000; // 6000 × 6000 cells exceed the dense bound 2^25
        const ids = Int32Array.from({ length: n }, (_, i) => i);
        return contingencyMatrix(ids, ids);
      },
    ],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument as string);
  });
});
