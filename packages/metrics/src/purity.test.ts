import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import {
  denseTable,
  randomLabels,
  renameIds,
  seededRandom,
} from '../test/reference.js';
import { purity } from './purity.js';

describe('purity', () => {
  it('gives 2/3 for the documented example when worked by hand', () => {
    expect(purity([0, 0, 0, 1, 1, 2], [5, 5, 7, 7, 7, 7])).toBeCloseTo(
      2 / 3,
      15,
    );
  });

  it('matches the column-maximum formula when labelings are random', () => {
    const random = seededRandom(61);
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + Math.floor(random() * 200);
      const t = randomLabels(random, n, 1 + Math.floor(random() * 7));
      const p = randomLabels(random, n, 1 + Math.floor(random() * 7));
      const { table, cols } = denseTable(t, p);
      let sum = 0;
      for (let j = 0; j < cols.length; j++) {
        sum += Math.max(...table.map((row) => row[j]!));
      }
      expect(purity(t, p)).toBeCloseTo(sum / n, 15);
    }
  });

  it('is unchanged when ids are renamed', () => {
    const random = seededRandom(62);
    const t = randomLabels(random, 300, 4);
    const p = randomLabels(random, 300, 6);
    expect(purity(renameIds(random, t), renameIds(random, p))).toBe(
      purity(t, p),
    );
  });

  it('follows the limit cases when clusters are singletons or one', () => {
    expect(purity([0, 0, 1, 2], [0, 1, 2, 3])).toBe(1);
    expect(purity([0, 0, 1, 2], [5, 5, 5, 5])).toBe(0.5);
    expect(purity([3], [8])).toBe(1);
  });

  it.each([
    ['labelsTrue', () => purity([], [])],
    ['labelsPred', () => purity([0, 1], [1])],
    ['labelsPred', () => purity([0, 1], [1, -1])],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
