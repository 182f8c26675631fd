import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { featuresFromNpy } from './features-from-npy.js';
import type { NpyArray } from './parse-npy.js';

const arr = (data: NpyArray['data'], shape: number[]): NpyArray => ({
  data,
  shape,
  dtype: 'float64',
  fortranOrder: false,
});

describe('featuresFromNpy', () => {
  it('converts the documented 2x2 example to float32', () => {
    const r = featuresFromNpy(arr(new Float64Array([1, 2, 3, 4]), [2, 2]));
    expect(r.shape).toEqual([2, 2]);
    expect(r.features).toBeInstanceOf(Float32Array);
    expect(Array.from(r.features)).toEqual([1, 2, 3, 4]);
  });

  it('flattens trailing axes and treats rank 1 as one column', () => {
    expect(featuresFromNpy(arr(new Uint8Array(24), [2, 3, 4])).shape).toEqual([
      2, 12,
    ]);
    expect(featuresFromNpy(arr(new Float32Array(5), [5])).shape).toEqual([
      5, 1,
    ]);
    expect(featuresFromNpy(arr(new Float32Array(0), [0, 3])).shape).toEqual([
      0, 0,
    ]);
  });

  it('attaches integer labels of any dtype', () => {
    const r = featuresFromNpy(arr(new Float32Array(4), [2, 2]), {
      labels: arr(new Float64Array([3, 0]), [2]),
    });
    expect(Array.from(r.labels!)).toEqual([3, 0]);
  });

  it('rejects NaN and values beyond float32 naming the row and column', () => {
    expectCceError(
      () =>
        featuresFromNpy(arr(new Float64Array([0, 1, 2, Number.NaN]), [2, 2]), {
          name: 'e.npy',
        }),
      'features',
      'row 1, column 1',
      'e.npy',
    );
    expectCceError(
      () => featuresFromNpy(arr(new Float64Array([1e300, 0]), [1, 2])),
      'features',
      'Infinity at row 0, column 0',
    );
  });

  it('rejects a 0-d array', () => {
    expectCceError(
      () => featuresFromNpy(arr(new Float64Array([1]), [])),
      'features',
      '0-d',
    );
  });

  it('rejects labels that are not class ids or do not match N', () => {
    const x = arr(new Float32Array(4), [2, 2]);
    expectCceError(
      () =>
        featuresFromNpy(x, {
          labels: arr(new Float64Array([0.5, 1]), [2]),
          labelsName: 'y.npy',
        }),
      'labels',
      '0.5 at row 0',
      'y.npy',
    );
    expectCceError(
      () => featuresFromNpy(x, { labels: arr(new Int32Array([0, 1, 2]), [3]) }),
      'labels',
      '2 labels',
      'got 3',
    );
  });
});
