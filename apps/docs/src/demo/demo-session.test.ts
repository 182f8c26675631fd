import { initRuntime } from '@cce/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { argmaxRows, DemoSession } from './demo-session.js';
import { DEFAULT_SETTINGS, type DemoSettings } from './settings.js';

beforeAll(async () => {
  await initRuntime({ backend: 'cpu' });
});

// Reference clustering accuracy: the best of all K! relabelings, by brute
// force (independent of @cce/metrics' Hungarian solver).
function bruteForceAccuracy(
  truth: Int32Array,
  pred: Int32Array,
  k: number,
): number {
  const perms: number[][] = [];
  const permute = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) perms.push(prefix);
    for (const [i, v] of rest.entries()) {
      permute([...prefix, v], [...rest.slice(0, i), ...rest.slice(i + 1)]);
    }
  };
  permute([], [...Array(k).keys()]);
  let best = 0;
  for (const p of perms) {
    let hits = 0;
    for (let i = 0; i < truth.length; i++) if (p[pred[i]!] === truth[i]) hits++;
    best = Math.max(best, hits / truth.length);
  }
  return best;
}

function run(over: Partial<DemoSettings>) {
  const session = new DemoSession({ ...DEFAULT_SETTINGS, ...over });
  while (!session.done) session.step();
  const snap = session.snapshot();
  const data = session.data;
  session.dispose();
  return { snap, data };
}

function expectRowsOnSimplex(rows: Float32Array, k: number): void {
  for (let i = 0; i < rows.length / k; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) {
      expect(rows[i * k + c]).toBeGreaterThanOrEqual(0);
      sum += rows[i * k + c]!;
    }
    expect(Math.abs(sum - 1)).toBeLessThan(1e-4);
  }
}

describe('DemoSession', () => {
  it('clusters a well-separated mixture above 0.9 when self-labeling with the collision loss', () => {
    const { snap, data } = run({
      mode: 'cluster',
      loss: 'collision',
      lambda: 1,
      maxSteps: 150,
    });
    expect(snap.step).toBe(150);
    expect(snap.predicted).toHaveLength(300);
    const reference = bruteForceAccuracy(data.train.labels, snap.predicted, 3);
    expect(Math.abs(snap.accuracy - reference)).toBeLessThan(1e-12);
    expect(snap.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(snap.targets).toHaveLength(300 * 3);
    expectRowsOnSimplex(snap.targets, 3);
    expect(snap.targetSizes.every((size) => size > 0)).toBe(true);
    expect(Number.isFinite(snap.loss)).toBe(true);
  });

  it('clusters above 0.9 with the forward problem when the Shannon loss is picked', () => {
    const { snap, data } = run({
      mode: 'cluster',
      loss: 'shannon',
      lambda: 1,
      maxSteps: 150,
    });
    expect(
      bruteForceAccuracy(data.train.labels, snap.predicted, 3),
    ).toBeGreaterThanOrEqual(0.9);
    expectRowsOnSimplex(snap.targets, 3);
  });

  it('learns from Dirichlet soft labels above 0.9 test accuracy when η = 0.6', () => {
    const { snap, data } = run({
      mode: 'supervised',
      loss: 'collision',
      eta: 0.6,
      maxSteps: 150,
    });
    let hits = 0;
    snap.predicted.forEach((p, i) => {
      if (p === data.test.labels[i]) hits++;
    });
    expect(snap.accuracy).toBeCloseTo(hits / data.test.labels.length, 12);
    expect(snap.accuracy).toBeGreaterThanOrEqual(0.9);
    expectRowsOnSimplex(snap.targets, 3);
  });

  it('trains on the one-hot true labels when η = 0', () => {
    const session = new DemoSession({
      ...DEFAULT_SETTINGS,
      mode: 'supervised',
      eta: 0,
      maxSteps: 1,
    });
    const { targets } = session.snapshot();
    const labels = session.data.train.labels;
    labels.forEach((t, i) => {
      for (let c = 0; c < 3; c++)
        expect(targets[i * 3 + c]).toBe(c === t ? 1 : 0);
    });
    session.dispose();
  });

  it('repeats a run exactly when the seed is the same', () => {
    const a = run({ maxSteps: 15, seed: 3 }).snap;
    const b = run({ maxSteps: 15, seed: 3 }).snap;
    expect(Array.from(b.targets)).toEqual(Array.from(a.targets));
    expect(b.loss).toBe(a.loss);
  });

  it('predicts a probability row per grid cell when asked for decision regions', () => {
    const session = new DemoSession({ ...DEFAULT_SETTINGS, dataset: 'moons' });
    const grid = session.predictGrid(8);
    expect(grid).toHaveLength(8 * 8 * 2);
    expectRowsOnSimplex(grid, 2);
    session.dispose();
  });
});

describe('argmaxRows', () => {
  it('returns the first largest column of each row when given a matrix', () => {
    const rows = new Float32Array([0.1, 0.7, 0.2, 0.5, 0.5, 0, 0, 0, 1]);
    expect(Array.from(argmaxRows(rows, 3))).toEqual([1, 0, 2]);
  });
});
