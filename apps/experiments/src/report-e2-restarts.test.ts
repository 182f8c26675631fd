import { describe, expect, it } from 'vitest';
import { chooseRestarts, finalLoss } from './report-e2-restarts.js';
import type { RunRecord } from './run-spec.js';

const run = (
  seed: number,
  acc: number,
  loss: Record<string, number>,
  group: Record<string, string | number> = {
    dataset: 'mnist',
    objective: 'collision',
    lambda: 1,
  },
  epochs = 10,
): RunRecord =>
  ({
    id: `r${seed}`,
    experiment: 'e2',
    status: 'ok',
    group,
    seed,
    command: '',
    args: [],
    result: { acc, epochs } as RunRecord['result'],
    history: [
      {
        epoch: 1,
        loss: { collision: 9 },
        trainAcc: null,
        testAcc: null,
        seconds: 1,
      },
      { epoch: 2, loss, trainAcc: null, testAcc: null, seconds: 1 },
    ],
    finished: '',
  }) as RunRecord;

describe('chooseRestarts', () => {
  it('keeps the seed whose last-epoch loss terms sum lowest', () => {
    // sums by hand: 0.3 + 0.02 = 0.32, 0.25 + 0.03 = 0.28, 0.26 + 0.01 = 0.27
    const runs = [
      run(0, 0.7, { collision: 0.3, fairness: 0.02 }),
      run(1, 0.9, { collision: 0.25, fairness: 0.03 }),
      run(2, 0.8, { collision: 0.26, fairness: 0.01 }),
    ];
    expect(finalLoss(runs[1]!)).toBeCloseTo(0.28, 12);
    const [choice] = chooseRestarts(runs);
    expect(choice!.chosen.seed).toBe(2);
    expect(choice!.accs).toEqual([0.7, 0.9, 0.8]);
  });

  it('groups by data set, objective and epochs, and skips other λ and single seeds', () => {
    const runs = [
      run(0, 0.7, { collision: 0.3 }),
      run(1, 0.9, { collision: 0.2 }),
      run(
        0,
        0.5,
        { collision: 0.1 },
        { dataset: 'mnist', objective: 'collision', lambda: 4 },
      ),
      run(0, 0.6, { collision: 0.1 }, undefined, 40),
    ];
    const choices = chooseRestarts(runs);
    expect(choices.map((c) => [c.epochs, c.chosen.seed])).toEqual([[10, 1]]);
  });
});
