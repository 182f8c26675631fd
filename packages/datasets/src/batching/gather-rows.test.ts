import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { gatherRows } from './gather-rows.js';

describe('gatherRows', () => {
  it('copies the selected rows in order (documented example)', () => {
    const x = new Float32Array([0, 1, 10, 11, 20, 21]);
    const r = gatherRows(x, [3, 2], new Int32Array([2, 0]));
    expect(r.shape).toEqual([2, 2]);
    expect(Array.from(r.data)).toEqual([20, 21, 0, 1]);
  });

  it('keeps the typed-array class and the trailing shape of images', () => {
    const x = Uint8Array.from({ length: 2 * 2 * 2 * 3 }, (_, i) => i);
    const r = gatherRows(x, [2, 2, 2, 3], new Int32Array([1, 1]));
    expect(r.data).toBeInstanceOf(Uint8Array);
    expect(r.shape).toEqual([2, 2, 2, 3]);
    expect(Array.from(r.data.subarray(0, 12))).toEqual(
      Array.from({ length: 12 }, (_, i) => 12 + i),
    );
    const labels = gatherRows(
      new Int32Array([7, 8, 9]),
      [3],
      new Int32Array([2]),
    );
    expect(Array.from(labels.data)).toEqual([9]);
  });

  it('rejects an index outside [0, N) and a shape that does not match', () => {
    const x = new Float32Array(6);
    expectCceError(
      () => gatherRows(x, [3, 2], new Int32Array([3])),
      'indices',
      '3 at position 0',
    );
    expectCceError(
      () => gatherRows(x, [3, 2], new Int32Array([-1])),
      'indices',
    );
    expectCceError(
      () => gatherRows(x, [4, 2], new Int32Array([0])),
      'shape',
      'product 8',
    );
    expectCceError(
      () => gatherRows(x, [], new Int32Array([0])),
      'shape',
      'rank >= 1',
    );
    expectCceError(
      () => gatherRows(x, [3, 2], [0] as unknown as Int32Array),
      'indices',
    );
  });
});
