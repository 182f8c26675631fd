// Compares every clustering metric and the assignment solver with golden
// values from scikit-learn / scipy (test/fixtures/make-fixtures.py).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type AverageMethod,
  adjustedMutualInfo,
  adjustedRandIndex,
  clusteringAccuracy,
  contingencyMatrix,
  linearAssignment,
  normalizedMutualInfo,
} from '../src/index.js';

interface ClusteringFixture {
  name: string;
  labelsTrue: number[];
  labelsPred: number[];
  numClasses: number;
  numClusters: number;
  nmi: Record<AverageMethod, number>;
  ami: Record<AverageMethod, number>;
  ari: number;
  numCorrect: number;
  accuracy: number;
}

interface AssignmentFixture {
  rows: number;
  cols: number;
  cost: number[];
  minTotal: number;
  maxTotal: number;
}

const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/sklearn-metrics.json', import.meta.url), {
    encoding: 'utf8',
  }),
) as {
  versions: Record<string, string>;
  clustering: ClusteringFixture[];
  assignment: AssignmentFixture[];
};

const METHODS: AverageMethod[] = ['arithmetic', 'geometric', 'min', 'max'];
const TOL = 1e-10;

describe('golden values from scikit-learn', () => {
  it('records the library versions that produced the fixtures', () => {
    expect(Object.keys(fixtures.versions).sort()).toEqual([
      'numpy',
      'python',
      'scikit-learn',
      'scipy',
    ]);
    expect(fixtures.clustering.length).toBeGreaterThan(30);
  });

  describe.each(fixtures.clustering.map((f) => [f.name, f] as const))(
    '%s',
    (_name, f) => {
      it('matches the table size, ARI and accuracy when evaluated', () => {
        const table = contingencyMatrix(f.labelsTrue, f.labelsPred);
        expect(table.classIds.length).toBe(f.numClasses);
        expect(table.clusterIds.length).toBe(f.numClusters);
        expect(
          Math.abs(adjustedRandIndex(f.labelsTrue, f.labelsPred) - f.ari),
        ).toBeLessThan(TOL);
        const acc = clusteringAccuracy(f.labelsTrue, f.labelsPred);
        expect(acc.numCorrect).toBe(f.numCorrect);
        expect(Math.abs(acc.accuracy - f.accuracy)).toBeLessThan(TOL);
      });

      it('matches NMI and AMI for every average when evaluated', () => {
        for (const averageMethod of METHODS) {
          const nmi = normalizedMutualInfo(f.labelsTrue, f.labelsPred, {
            averageMethod,
          });
          const ami = adjustedMutualInfo(f.labelsTrue, f.labelsPred, {
            averageMethod,
          });
          expect(Math.abs(nmi - f.nmi[averageMethod])).toBeLessThan(TOL);
          expect(Math.abs(ami - f.ami[averageMethod])).toBeLessThan(TOL);
        }
      });

      it('gives the same values when the inputs are Int32Arrays', () => {
        const t = Int32Array.from(f.labelsTrue);
        const p = Int32Array.from(f.labelsPred);
        expect(
          Math.abs(adjustedMutualInfo(t, p) - f.ami.arithmetic),
        ).toBeLessThan(TOL);
        expect(clusteringAccuracy(t, p).numCorrect).toBe(f.numCorrect);
      });
    },
  );

  it('matches scipy linear_sum_assignment totals when minimising and maximising', () => {
    for (const f of fixtures.assignment) {
      const min = linearAssignment(f.cost, f.rows, f.cols);
      const max = linearAssignment(f.cost, f.rows, f.cols, { maximize: true });
      const scale = Math.max(1, Math.abs(f.minTotal), Math.abs(f.maxTotal));
      expect(Math.abs(min.total - f.minTotal)).toBeLessThan(1e-12 * scale);
      expect(Math.abs(max.total - f.maxTotal)).toBeLessThan(1e-12 * scale);
    }
  });
});
