import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import { seededRandom } from '../test/reference.js';
import { accuracy } from './accuracy.js';
import { topKAccuracy } from './top-k-accuracy.js';

describe('topKAccuracy', () => {
  it('gives the documented values when k is 1 and 2', () => {
    const probs = [0.5, 0.3, 0.2, 0.1, 0.2, 0.7];
    expect(topKAccuracy(probs, 3, [1, 1], 1)).toBe(0);
    expect(topKAccuracy(probs, 3, [1, 1], 2)).toBe(1);
    expect(topKAccuracy(probs, 3, [1, 1], 3)).toBe(1);
  });

  it('equals the accuracy of argmax when k is 1, ties included', () => {
    const random = seededRandom(81);
    const n = 500;
    const k = 6;
    // Scores on a coarse grid so rows often tie.
    const probs = Float32Array.from({ length: n * k }, () =>
      Math.floor(random() * 4),
    );
    const labels = Int32Array.from({ length: n }, () =>
      Math.floor(random() * k),
    );
    const argmax = Int32Array.from({ length: n }, (_, i) => {
      let best = 0;
      for (let c = 1; c < k; c++) {
        if (probs[i * k + c]! > probs[i * k + best]!) best = c;
      }
      return best;
    });
    expect(topKAccuracy(probs, k, labels, 1)).toBe(accuracy(labels, argmax));
  });

  it('counts a label as hit when fewer than k scores beat it', () => {
    // Row [0.4, 0.4, 0.2]: class 1 ties class 0 and ranks second.
    const probs = Float64Array.from([0.4, 0.4, 0.2]);
    expect(topKAccuracy(probs, 3, [1], 1)).toBe(0);
    expect(topKAccuracy(probs, 3, [0], 1)).toBe(1);
    expect(topKAccuracy(probs, 3, [1], 2)).toBe(1);
    expect(topKAccuracy(probs, 3, [2], 2)).toBe(0);
  });

  it.each([
    ['numClasses', () => topKAccuracy([0.5, 0.5], 0, [0], 1)],
    ['k', () => topKAccuracy([0.5, 0.5], 2, [0], 0)],
    ['k', () => topKAccuracy([0.5, 0.5], 2, [0], 3)],
    ['k', () => topKAccuracy([0.5, 0.5], 2, [0], 1.5)],
    ['labelsTrue', () => topKAccuracy([0.5, 0.5], 2, [2], 1)],
    ['labelsTrue', () => topKAccuracy([], 2, [], 1)],
    ['labelsTrue', () => topKAccuracy([0.5, 0.5], 2, [-1], 1)],
    ['probs', () => topKAccuracy([0.5, 0.5, 0.1], 2, [0], 1)],
    ['probs', () => topKAccuracy([0.5, Number.NaN], 2, [0], 1)],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
