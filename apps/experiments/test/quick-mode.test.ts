// Runs `pnpm experiments --quick` into a temporary folder (about 2–3
// minutes on 2 cores: ~40 tiny cce runs, one at a time) and checks what it
// wrote, then starts it again to check that finished runs are skipped.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { planE1, planE2 } from '../src/plan-runs.js';
import { getProfile } from '../src/profiles.js';
import type { RunFailure, RunRecord } from '../src/run-spec.js';

interface ResultsFile {
  experiment: string;
  profile: string;
  aggregates: {
    key: Record<string, unknown>;
    metrics: Record<string, { mean: number }>;
  }[];
  failed: RunFailure[];
  runs: RunRecord[];
}

const profile = getProfile('quick');
const images = [{ name: 'mnist' as const, args: ['--dataset', 'mnist'] }];
// Objectives the trainer can run today; sela and forward wait for
// @cce/em-solver and may fail (they must then report why).
const MUST_FINISH = ['kmeans', 'imsat', 'reverse', 'collision'];

const inUnitRange = (x: unknown) =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

describe('pnpm experiments --quick', () => {
  let out: string;
  let code: number;
  let e1: ResultsFile;
  let e2: ResultsFile;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'cce-experiments-quick-'));
    code = await main([
      '--quick',
      '--out',
      out,
      '--work-dir',
      join(out, '.work'),
      '--no-fashion-mnist',
    ]);
    const read = async (name: string) =>
      JSON.parse(await readFile(join(out, name), 'utf8')) as ResultsFile;
    e1 = await read('e1/results.json');
    e2 = await read('e2/results.json');
  }, 600_000);

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes one finished E1 row per planned run with accuracies in [0, 1]', () => {
    const planned = planE1({ profile, images }).map((s) => s.id);
    expect(e1.experiment).toBe('E1');
    expect(e1.profile).toBe('quick');
    expect(e1.failed).toEqual([]);
    expect(e1.runs.map((r) => r.id).sort()).toEqual(planned.sort());
    for (const run of e1.runs) {
      expect(inUnitRange(run.result.acc)).toBe(true);
      expect(inUnitRange(run.result.test?.acc)).toBe(true);
      expect(inUnitRange(run.result.train?.acc)).toBe(true);
      expect(run.history.length).toBe(run.result.epochs);
    }
    // 5 losses × 2 η × 2 regimes on MNIST
    expect(e1.aggregates).toHaveLength(20);
    for (const g of e1.aggregates) {
      expect(inUnitRange(g.metrics.testAcc?.mean)).toBe(true);
    }
  });

  it('writes every E2 row as finished with scores in [0, 1] or failed with a reason', () => {
    const planned = planE2({ profile, images }).map((s) => s.id);
    const rows = [...e2.runs.map((r) => r.id), ...e2.failed.map((f) => f.id)];
    expect(rows.sort()).toEqual(planned.sort());
    for (const run of e2.runs) {
      for (const x of [run.result.acc, run.result.nmi, run.result.ari]) {
        expect(inUnitRange(x)).toBe(true);
      }
    }
    for (const failure of e2.failed)
      expect(failure.error.length).toBeGreaterThan(0);
    const finished = new Set(e2.runs.map((r) => String(r.group.objective)));
    for (const objective of MUST_FINISH)
      expect(finished.has(objective)).toBe(true);
    expect(code).toBe(e1.failed.length + e2.failed.length > 0 ? 1 : 0);
  });

  it('writes the reports, plots, summary and the E3/E4 pages', async () => {
    for (const name of [
      'SUMMARY.md',
      'e1/report.md',
      'e1/accuracy-short-mnist.svg',
      'e1/accuracy-long-mnist.svg',
      'e2/report.md',
      'e2/acc.svg',
      'e3/e3.md',
      'e4/e4.md',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    const svg = await readFile(
      join(out, 'e1/accuracy-short-mnist.svg'),
      'utf8',
    );
    expect(svg.startsWith('<svg')).toBe(true);
    const summary = await readFile(join(out, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('quick');
    expect(summary).toContain('machine');
    expect(summary).toContain(process.version);
  });

  it('skips every finished run when it is started again', async () => {
    const again = await main([
      '--quick',
      '--only',
      'e1',
      '--out',
      out,
      '--work-dir',
      join(out, '.work'),
      '--no-fashion-mnist',
    ]);
    expect(again).toBe(0);
    const summary = await readFile(join(out, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('0 runs executed, 20 reused');
  }, 120_000);
});
