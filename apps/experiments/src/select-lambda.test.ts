import { describe, expect, it } from 'vitest';
import type { RunRecord } from './run-spec.js';
import { clusterBalance, selectLambda } from './select-lambda.js';

const run = (
  lambda: number,
  seed: number,
  sizes: number[],
  acc: number,
): RunRecord =>
  ({
    id: `x-${lambda}-${seed}`,
    experiment: 'e2',
    status: 'ok',
    group: { dataset: 'd', objective: 'collision', lambda },
    seed,
    command: '',
    args: [],
    result: { acc, nmi: acc, ari: acc, clusterSizes: sizes },
    history: [],
    finished: '',
  }) as unknown as RunRecord;

describe('clusterBalance', () => {
  it('divides the smallest cluster by the largest, 0 with an empty one', () => {
    expect(clusterBalance([50, 100, 25])).toBe(0.25);
    expect(clusterBalance([0, 10])).toBe(0);
    expect(clusterBalance([])).toBeNull();
    expect(clusterBalance([0, 0])).toBeNull();
  });
});

describe('selectLambda', () => {
  it('picks per seed the most balanced λ, ties to the smaller λ', () => {
    const choices = selectLambda([
      run(1, 0, [0, 100], 0.5),
      run(4, 0, [50, 100], 0.8),
      run(8, 0, [50, 100], 0.9), // tie with λ = 4: the smaller wins
      run(1, 1, [90, 100], 0.7),
      run(4, 1, [10, 100], 0.6),
    ]);
    expect(choices).toHaveLength(1);
    const [c] = choices;
    expect(c!.tried).toEqual([1, 4, 8]);
    expect(c!.chosen.map((x) => x.lambda)).toEqual([4, 1]);
    expect(c!.acc.mean).toBeCloseTo(0.75, 12);
  });

  it('returns nothing for objectives run with one λ only', () => {
    expect(selectLambda([run(1, 0, [1, 1], 0.5)])).toEqual([]);
  });
});
