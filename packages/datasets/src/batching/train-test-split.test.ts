import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { trainTestSplit } from './train-test-split.js';

describe('trainTestSplit', () => {
  it('splits 10 examples 7/3 (documented example)', () => {
    const { train, test } = trainTestSplit({
      numExamples: 10,
      testFraction: 0.3,
      seed: 1,
    });
    expect([train.length, test.length]).toEqual([7, 3]);
    const all = [...train, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(Array.from(train)).toEqual([...train].sort((a, b) => a - b));
  });

  it('keeps each class share within one example when stratified', () => {
    // Classes of sizes 50, 30, 15, 5 (N = 100).
    const sizes = [50, 30, 15, 5];
    const stratify = Int32Array.from(
      sizes.flatMap((s, c) => new Array<number>(s).fill(c)),
    );
    const { train, test } = trainTestSplit({
      numExamples: 100,
      testFraction: 0.25,
      stratify,
      seed: 4,
    });
    expect(test.length).toBe(25);
    expect(train.length).toBe(75);
    const testCounts = [0, 0, 0, 0];
    for (const i of test) testCounts[stratify[i]!]!++;
    for (let c = 0; c < sizes.length; c++) {
      expect(Math.abs(testCounts[c]! - 0.25 * sizes[c]!)).toBeLessThanOrEqual(
        1,
      );
    }
    expect(new Set([...train, ...test]).size).toBe(100);
  });

  it('repeats for the same seed and differs for another', () => {
    const a = trainTestSplit({
      numExamples: 40,
      testFraction: 0.5,
      seed: 9,
    }).test;
    const b = trainTestSplit({
      numExamples: 40,
      testFraction: 0.5,
      seed: 9,
    }).test;
    const c = trainTestSplit({
      numExamples: 40,
      testFraction: 0.5,
      seed: 10,
    }).test;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('rejects a bad fraction, numExamples, stratify or seed', () => {
    expectCceError(
      () => trainTestSplit({ numExamples: 10, testFraction: 1 }),
      'testFraction',
      'got 1',
    );
    expectCceError(
      () => trainTestSplit({ numExamples: 10, testFraction: 0 }),
      'testFraction',
    );
    expectCceError(
      () => trainTestSplit({ numExamples: -1, testFraction: 0.5 }),
      'numExamples',
    );
    expectCceError(
      () =>
        trainTestSplit({
          numExamples: 3,
          testFraction: 0.5,
          stratify: new Int32Array(2),
        }),
      'stratify',
      'length 3',
    );
    expectCceError(
      () =>
        trainTestSplit({
          numExamples: 3,
          testFraction: 0.5,
          stratify: [0, 0, 0] as unknown as Int32Array,
        }),
      'stratify',
    );
    expectCceError(
      () => trainTestSplit({ numExamples: 3, testFraction: 0.5, seed: -2 }),
      'seed',
    );
  });
});
