import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord, writeRecord } from './run-store.js';
import type { RunRecord, RunSpec } from './run-spec.js';

describe('run store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cce-store-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const spec: RunSpec = {
    id: 'mnist-collision-seed0',
    experiment: 'e2',
    args: ['cluster', '--seed', '0'],
    group: { dataset: 'mnist', objective: 'collision', lambda: 1 },
    seed: 0,
    order: 30,
  };
  const record: RunRecord = {
    id: spec.id,
    experiment: 'e2',
    status: 'ok',
    group: spec.group,
    seed: 0,
    command: 'cce cluster --seed 0',
    args: spec.args,
    result: {
      command: 'cluster',
      dataset: 'mnist',
      method: 'collision',
      backbone: 'mlp',
      clusters: 2,
      acc: 0.75,
      nmi: 0.5,
      ari: 0.4,
      train: null,
      test: null,
      clusterSizes: [2, 2],
      epochs: 1,
      seed: 0,
      backend: 'cpu',
      seconds: 1,
      runDir: '/tmp/x',
    },
    history: [],
    composition: [
      [2, 0],
      [1, 1],
    ],
    finished: '2026-12-04T00:00:00.000Z',
  };

  it('keeps the cluster composition when a stored run is reused', async () => {
    await writeRecord(dir, spec, record);
    const back = await readRecord(dir, spec);
    expect(typeof back).not.toBe('string');
    if (typeof back === 'string') return;
    expect(back.composition).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(back.result.acc).toBe(0.75);
  });

  it('reruns a stored file made with other arguments', async () => {
    await writeRecord(dir, spec, record);
    expect(await readRecord(dir, { ...spec, args: ['cluster'] })).toBe(
      'other-arguments',
    );
  });
});
