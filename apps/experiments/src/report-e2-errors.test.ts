import { describe, expect, it } from 'vitest';
import { errorLines } from './report-e2-errors.js';
import type { RunRecord } from './run-spec.js';

const run = (seed: number, epochs: number, composition: number[][]) =>
  ({
    id: `r${seed}`,
    experiment: 'e2',
    status: 'ok',
    group: { dataset: 'mnist', objective: 'collision', lambda: 1 },
    seed,
    command: '',
    args: [],
    result: { acc: 0.5, epochs } as RunRecord['result'],
    history: [],
    composition,
    finished: '',
  }) as RunRecord;

describe('errorLines', () => {
  it('lists mixed clusters per run and counts the digit pairs that share them', () => {
    const lines = errorLines(
      [
        // cluster 0: 60 % digit 1, 40 % digit 2 -> mixed; cluster 1 pure
        run(0, 10, [
          [0, 60, 40],
          [100, 0, 0],
        ]),
        // cluster 1: 2 and 1 share it -> the same pair {1, 2}
        run(1, 10, [
          [100, 0, 0],
          [0, 30, 70],
        ]),
        run(2, 40, [
          [100, 0, 0],
          [0, 95, 5],
        ]),
      ],
      'collision',
    );
    const text = lines.join('\n');
    expect(text).toContain(
      '| 10 epochs, seed 0 | 0.500 | cluster 0 (100): 60 × 1, 40 × 2 |',
    );
    expect(text).toContain('| 40 epochs, seed 2 | 0.500 | none |');
    expect(text).toContain('in how many of the 3 runs: 1 and 2 (2).');
  });
});
