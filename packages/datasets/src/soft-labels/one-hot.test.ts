import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('encodes class ids as rows of the identity (documented example)', () => {
    expect(Array.from(oneHot(new Int32Array([2, 0]), 3))).toEqual([
      0, 0, 1, 1, 0, 0,
    ]);
    expect(oneHot(new Int32Array(0), 5).length).toBe(0);
  });

  it('rejects labels outside [0, K) and a bad numClasses', () => {
    expectCceError(
      () => oneHot(new Int32Array([3]), 3),
      'labels',
      '3 at index 0',
    );
    expectCceError(() => oneHot(new Int32Array([0]), 0), 'numClasses');
  });
});
