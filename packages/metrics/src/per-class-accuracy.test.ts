import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import { perClassAccuracy } from './per-class-accuracy.js';

describe('perClassAccuracy', () => {
  it('gives the documented per-class values when worked by hand', () => {
    const r = perClassAccuracy([0, 0, 1, 1, 1, 4], [0, 1, 1, 1, 0, 4]);
    expect(Array.from(r.classIds)).toEqual([0, 1, 4]);
    expect(Array.from(r.support)).toEqual([2, 3, 1]);
    expect(r.accuracy.length).toBe(3);
    expect(r.accuracy[0]).toBe(0.5);
    expect(r.accuracy[1]).toBeCloseTo(2 / 3, 15);
    expect(r.accuracy[2]).toBe(1);
    expect(r.balancedAccuracy).toBeCloseTo((0.5 + 2 / 3 + 1) / 3, 15);
  });

  it('counts predictions of unseen classes as wrong', () => {
    const r = perClassAccuracy([2, 2, 2, 2], [2, 9, 9, 2]);
    expect(Array.from(r.classIds)).toEqual([2]);
    expect(r.balancedAccuracy).toBe(0.5);
  });

  it.each([
    ['labelsTrue', () => perClassAccuracy([], [])],
    ['labelsPred', () => perClassAccuracy([0], [0, 1])],
    ['labelsPred', () => perClassAccuracy([0, 1], [0, Number.NaN])],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});

describe('perClassAccuracy with large ids', () => {
  it('gives the same values when ids exceed the lookup-table bound', () => {
    const r = perClassAccuracy([2 ** 31 - 1, 70000, 70000], [0, 70000, 1]);
    expect(Array.from(r.classIds)).toEqual([70000, 2 ** 31 - 1]);
    expect(Array.from(r.accuracy)).toEqual([0.5, 0]);
    expect(Array.from(r.support)).toEqual([2, 1]);
  });
});
