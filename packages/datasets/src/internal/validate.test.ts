import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import {
  assertGreater,
  assertInt,
  assertLabels,
  assertNumber,
  assertShape,
  assertTypedArray,
} from './validate.js';

describe('argument guards', () => {
  it('accept valid values', () => {
    expect(() => assertInt('f', 'n', 3, 0, 5)).not.toThrow();
    expect(() => assertNumber('f', 'x', -2.5)).not.toThrow();
    expect(() => assertGreater('f', 'x', 1e-9, 0)).not.toThrow();
    expect(assertShape('f', new Float32Array(6), [2, 3], 2)).toEqual([2, 3]);
    expect(() =>
      assertLabels('f', 'labels', new Int32Array([0, 2]), 3),
    ).not.toThrow();
  });

  it('describe the allowed range of each kind in the message', () => {
    expectCceError(
      () => assertInt('f', 'n', 6, 0, 5),
      'n',
      'an integer in [0, 5]',
      'got 6',
    );
    expectCceError(
      () => assertInt('f', 'n', '3', 0),
      'n',
      'an integer >= 0',
      'got "3"',
    );
    expectCceError(() => assertNumber('f', 'x', 2, 0, 1), 'x', 'in [0, 1]');
    expectCceError(() => assertNumber('f', 'x', -1, 0), 'x', '>= 0');
    expectCceError(
      () => assertNumber('f', 'x', 3, Number.NEGATIVE_INFINITY, 2),
      'x',
      '<= 2',
    );
    expectCceError(
      () => assertNumber('f', 'x', Number.NaN),
      'x',
      'a finite number, got NaN',
    );
    expectCceError(() => assertGreater('f', 'x', 0, 0), 'x', '> 0');
    expectCceError(
      () => assertTypedArray('f', 'a', [1], Int32Array),
      'a',
      'an Int32Array',
      'an array of length 1',
    );
  });

  it('reject shapes that are not arrays, have the wrong rank or the wrong product', () => {
    const x = new Float32Array(6);
    expectCceError(() => assertShape('f', x, 'x', 2), 'shape', 'got "x"');
    expectCceError(
      () => assertShape('f', x, [6], 2),
      'shape',
      'rank 2',
      'got [6]',
    );
    expectCceError(() => assertShape('f', x, [2, -3], 2), 'shape');
    expectCceError(() => assertShape('f', x, [2, 2], 2), 'shape', 'product 4');
  });

  it('reject labels outside [0, numClasses) naming the index', () => {
    expectCceError(
      () => assertLabels('f', 'labels', new Int32Array([0, 3]), 3),
      'labels',
      '3 at index 1',
    );
  });
});
