import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/expect-cce-error.js';
import { buildContingency, countSorted } from './contingency.js';

describe('buildContingency', () => {
  it('lists non-zero cells in row-major order with both marginals', () => {
    const table = buildContingency('test', [9, 9, 2, 2, 2], [1, 4, 4, 4, 1]);
    expect(Array.from(table.classIds)).toEqual([2, 9]);
    expect(Array.from(table.clusterIds)).toEqual([1, 4]);
    expect(Array.from(table.cellClass)).toEqual([0, 0, 1, 1]);
    expect(Array.from(table.cellCluster)).toEqual([0, 1, 0, 1]);
    expect(Array.from(table.cellCount)).toEqual([1, 2, 1, 1]);
    expect(Array.from(table.classSizes)).toEqual([3, 2]);
    expect(Array.from(table.clusterSizes)).toEqual([2, 3]);
  });
});

describe('countSorted', () => {
  it('throws naming labelsPred when cell keys would not be exact', () => {
    const codes = Int32Array.from([0, 1]);
    // 2^27 × 2^27 cells: keys row·Kp + col exceed 2^53.
    expectCceError(
      () => countSorted('test', codes, codes, 2 ** 27, 2 ** 27),
      'labelsPred',
    );
  });
});
