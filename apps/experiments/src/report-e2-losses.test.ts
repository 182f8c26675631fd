import { describe, expect, it } from 'vitest';
import { clusteringFaults, lossLines } from './report-e2-losses.js';
import type { RunRecord } from './run-spec.js';

describe('clusteringFaults', () => {
  it('counts empty clusters, lost and split classes, worked by hand', () => {
    // 4 classes of 100. Cluster 0: 60 of class 0 and 100 of class 1 (owner
    // 1); cluster 1: the other 40 of class 0 (owner 0); cluster 2: class 2
    // and 97 of class 3 (owner 2); cluster 3: 3 of class 3 (owner 3), under
    // 1 % of the 400 examples, so empty. Every class owns one cluster.
    const f = clusteringFaults(
      [
        [60, 100, 0, 0],
        [40, 0, 0, 0],
        [0, 0, 100, 97],
        [0, 0, 0, 3],
      ],
      4,
    );
    expect(f).toEqual({ empty: 1, lost: 0, split: 0, bound: 1 });
  });

  it('counts a class lost to a split one and clusters missing from the table', () => {
    // 3 clusters, 3 classes; cluster 2 never appears (no row): empty.
    // Class 0 owns clusters 0 and 1, classes 1 and 2 own none.
    const f = clusteringFaults(
      [
        [50, 30, 0],
        [50, 0, 40],
      ],
      3,
    );
    expect(f).toEqual({ empty: 1, lost: 2, split: 1, bound: 1 / 3 });
  });
});

const run = (
  dataset: string,
  objective: string,
  seed: number,
  acc: number,
  composition: number[][],
) =>
  ({
    id: `${dataset}-${objective}-${seed}`,
    experiment: 'e2',
    status: 'ok',
    group: { dataset, objective, lambda: 1 },
    seed,
    command: '',
    args: [],
    result: { acc, clusters: 2, epochs: 10 } as RunRecord['result'],
    history: [],
    composition,
    finished: '',
  }) as RunRecord;

describe('lossLines', () => {
  it('explains objectives more than a point behind k-means and skips the others', () => {
    const pure = [
      [100, 0],
      [0, 100],
    ];
    const lines = lossLines([
      run('d', 'kmeans', 0, 1, pure),
      // behind by 0.5: one cluster empty, the classes share cluster 0
      run('d', 'reverse', 0, 0.5, [
        [100, 100],
        [0, 0],
      ]),
      // behind by 0.005 only: not listed
      run('d', 'collision', 0, 0.995, pure),
    ]).join('\n');
    expect(lines).toContain('| d | reverse | 0 | 0.500 | 1 | 1 | 0 | 0.500 |');
    expect(lines).not.toContain('| d | collision |');
    expect(lines).toContain(
      'd, reverse (ACC 0.500 against k-means 1.000): 1 of 1 runs left clusters empty',
    );
    expect(lines).toContain('1 of 1 runs score within 0.01 of (K − lost)/K');
  });

  it('is empty when no objective falls behind or k-means was not run', () => {
    expect(lossLines([run('d', 'collision', 0, 0.5, [[1, 1]])])).toEqual([]);
  });
});
