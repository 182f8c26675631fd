import { describe, expect, it } from 'vitest';
import {
  formatSeeds,
  formatSummary,
  groupSummaries,
  leaders,
  summarize,
} from './aggregate.js';

describe('summarize', () => {
  it('gives the hand-computed mean and sample std of three seeds', () => {
    // mean 0.92; deviations −0.02, 0, 0.02; (0.0004 + 0 + 0.0004) / 2 = 0.0004
    const s = summarize([0.9, 0.92, 0.94]);
    expect(s.n).toBe(3);
    expect(s.mean).toBeCloseTo(0.92, 12);
    expect(s.std).toBeCloseTo(0.02, 12);
    expect(s.min).toBe(0.9);
    expect(s.max).toBe(0.94);
  });

  it('divides by n − 1 when the values are 1, 2, 3, 4', () => {
    // squares 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3
    const s = summarize([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('gives a null std when there is a single value', () => {
    expect(summarize([0.5])).toEqual({
      mean: 0.5,
      std: null,
      n: 1,
      min: 0.5,
      max: 0.5,
    });
  });

  it('gives std 0 when every seed agrees', () => {
    expect(summarize([0.7, 0.7]).std).toBe(0);
  });

  it('throws when the values are empty or not finite', () => {
    expect(() => summarize([])).toThrow(/'values'/);
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
  });
});

describe('groupSummaries', () => {
  const rows = [
    { group: { loss: 'a', eta: 0.8 }, seed: 0, values: { acc: 0.5 } },
    { group: { loss: 'b', eta: 0.8 }, seed: 0, values: { acc: 0.1 } },
    { group: { loss: 'a', eta: 0.8 }, seed: 1, values: { acc: 0.7 } },
    { group: { loss: 'a', eta: 0.8 }, seed: 2, values: { acc: null } },
  ];

  it('groups by the given labels in first-seen order and skips nulls', () => {
    const groups = groupSummaries(rows, ['loss', 'eta'], ['acc']);
    expect(groups).toHaveLength(2);
    expect(groups[0]!.key).toEqual({ loss: 'a', eta: 0.8 });
    expect(groups[0]!.seeds).toEqual([0, 1, 2]);
    expect(groups[0]!.metrics.acc.n).toBe(2);
    expect(groups[0]!.metrics.acc.mean).toBeCloseTo(0.6, 12);
    // (0.1² + 0.1²) / 1
    expect(groups[0]!.metrics.acc.std).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(groups[1]!.metrics.acc.std).toBeNull();
  });

  it('merges every row into one group when grouped by nothing', () => {
    const groups = groupSummaries(rows, [], ['acc']);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.metrics.acc.mean).toBeCloseTo(1.3 / 3, 12);
  });
});

describe('formatSummary', () => {
  it('prints mean ± std, the mean alone for one seed, a dash for none', () => {
    expect(formatSummary(summarize([0.9, 0.92, 0.94]))).toBe('0.920 ± 0.020');
    expect(formatSummary(summarize([0.5]), 2)).toBe('0.50');
    expect(formatSummary(undefined)).toBe('–');
  });
});

describe('formatSeeds', () => {
  it('says how many of the expected seeds a cell has only when some are missing', () => {
    const three = summarize([0.9, 0.92, 0.94]);
    expect(formatSeeds(three, 3, 3)).toBe('0.920 ± 0.020');
    // mean 0.91; deviations ∓0.01; std √((0.0001 + 0.0001) / 1) = 0.014
    expect(formatSeeds(summarize([0.9, 0.92]), 2, 3)).toBe(
      '0.910 ± 0.014 (2 of 3 seeds)',
    );
    expect(formatSeeds(summarize([0.5]), 1, 3)).toBe('0.500 (1 of 3 seeds)');
    expect(formatSeeds(undefined, 0, 3)).toBe('–');
  });
});

describe('leaders', () => {
  // by hand: a = 0.960 ± 0.002, b = 0.959 ± 0.0005 (0.001 behind, within
  // a's std), c = 0.950 ± 0.003 (0.010 behind, outside both stds)
  const entries = [
    { name: 'c', s: summarize([0.947, 0.95, 0.953]) },
    { name: 'a', s: summarize([0.958, 0.96, 0.962]) },
    { name: 'b', s: summarize([0.9585, 0.959, 0.9595]) },
  ];

  it('returns the highest mean and the entries within one std of it', () => {
    const { best, ties } = leaders(entries, (e) => e.s);
    expect(best.name).toBe('a');
    expect(ties.map((e) => e.name)).toEqual(['b']);
  });

  it('uses the larger std of the pair, and 0 for a single run', () => {
    // b's std (0.0005) alone would not cover 0.001; a's (0.002) does
    const pair = leaders([entries[1]!, entries[2]!], (e) => e.s);
    expect(pair.ties.map((e) => e.name)).toEqual(['b']);
    const single = [
      { name: 'x', s: summarize([0.9]) },
      { name: 'y', s: summarize([0.899]) },
    ];
    expect(leaders(single, (e) => e.s).ties).toEqual([]);
  });

  it('throws on no entries', () => {
    expect(() => leaders([], (e: { s: never }) => e.s)).toThrow(
      "leaders: 'entries' must hold at least one entry, got none",
    );
  });
});
