import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import { accuracy } from './accuracy.js';

describe('accuracy', () => {
  it('gives 0.75 for the documented example when one of four is wrong', () => {
    expect(accuracy([0, 1, 2, 2], [0, 1, 1, 2])).toBe(0.75);
  });

  it('compares ids as they are when predictions are renamed', () => {
    expect(accuracy([0, 0, 1, 1], [1, 1, 0, 0])).toBe(0);
    expect(accuracy(Int32Array.from([7, 7]), [7, 7])).toBe(1);
  });

  it.each([
    ['labelsTrue', () => accuracy([], [])],
    ['labelsPred', () => accuracy([0, 1], [0])],
    ['labelsPred', () => accuracy([0, 1], [0, 0.5])],
    ['labelsTrue', () => accuracy([Number.NEGATIVE_INFINITY], [0])],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
