import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPlan, type Runner } from './run-plan.js';
import type { RunOutcome, RunSpec } from './run-spec.js';
import { recordPath } from './run-store.js';

const spec = (
  id: string,
  order = 0,
  args = ['train', '--seed', '0'],
): RunSpec => ({
  id,
  experiment: 'e1',
  args,
  group: { loss: 'collision' },
  seed: 0,
  order,
});

function fakeRunner(fail: Set<string> = new Set()) {
  const calls: string[] = [];
  const runner: Runner = async (s) => {
    calls.push(s.id);
    const base = {
      id: s.id,
      experiment: s.experiment,
      group: s.group,
      seed: s.seed,
      command: `cce ${s.args.join(' ')}`,
      args: s.args,
    };
    if (fail.has(s.id)) {
      return { ...base, status: 'failed', exitCode: 1, error: 'boom' };
    }
    return {
      ...base,
      status: 'ok',
      result: {
        command: 'train',
        dataset: 'mnist',
        method: 'collision',
        backbone: 'mlp',
        clusters: 10,
        acc: 0.9,
        nmi: 0.8,
        ari: 0.7,
        train: null,
        test: { acc: 0.9, nmi: 0.8, ari: 0.7, samples: 10 },
        clusterSizes: [5, 5],
        epochs: 1,
        seed: 0,
        backend: 'wasm',
        seconds: 1,
        runDir: 'x',
      },
      history: [
        {
          epoch: 1,
          loss: { collision: 1 },
          trainAcc: 0.9,
          testAcc: 0.9,
          seconds: 1,
        },
      ],
      finished: '2026-01-01T00:00:00.000Z',
    } satisfies RunOutcome;
  };
  return { calls, runner };
}

describe('runPlan', () => {
  let out: string;
  const log = () => {};
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'cce-exp-plan-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('runs cheap runs first and writes one JSON file per finished run', async () => {
    const { calls, runner } = fakeRunner();
    const plan = await runPlan([spec('b', 40), spec('a', 10)], {
      outDir: out,
      runner,
      log,
    });
    expect(calls).toEqual(['a', 'b']);
    expect(plan.executed).toBe(2);
    expect(await readdir(join(out, 'e1', 'per-run'))).toEqual([
      'a.json',
      'b.json',
    ]);
  });

  it('skips runs whose file exists when it is started again', async () => {
    const first = fakeRunner();
    await runPlan([spec('a'), spec('b')], {
      outDir: out,
      runner: first.runner,
      log,
    });
    const second = fakeRunner();
    const plan = await runPlan([spec('a'), spec('b'), spec('c')], {
      outDir: out,
      runner: second.runner,
      log,
    });
    expect(second.calls).toEqual(['c']);
    expect(plan).toMatchObject({ executed: 1, reused: 2, failed: 0 });
    expect(plan.outcomes.map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });

  it('continues where an interrupted plan stopped', async () => {
    const first = fakeRunner();
    let n = 0;
    const stopped = () => n++ >= 1; // stop after the first run
    const partial = await runPlan([spec('a'), spec('b')], {
      outDir: out,
      runner: first.runner,
      log,
      stopped,
    });
    expect(partial.incomplete).toBe(true);
    const second = fakeRunner();
    await runPlan([spec('a'), spec('b')], {
      outDir: out,
      runner: second.runner,
      log,
    });
    expect(second.calls).toEqual(['b']);
  });

  it('reruns a run whose stored file has other arguments or does not parse', async () => {
    const first = fakeRunner();
    await runPlan([spec('a'), spec('b')], {
      outDir: out,
      runner: first.runner,
      log,
    });
    await writeFile(recordPath(out, spec('b')), '{"truncated":');
    const second = fakeRunner();
    await runPlan([spec('a', 0, ['train', '--seed', '1']), spec('b')], {
      outDir: out,
      runner: second.runner,
      log,
    });
    expect(second.calls).toEqual(['a', 'b']);
    const stored = JSON.parse(
      await readFile(recordPath(out, spec('a')), 'utf8'),
    );
    expect(stored.args).toEqual(['train', '--seed', '1']);
  });

  it('does not store failed runs, so the next start retries them', async () => {
    const first = fakeRunner(new Set(['a']));
    const plan = await runPlan([spec('a')], {
      outDir: out,
      runner: first.runner,
      log,
    });
    expect(plan).toMatchObject({ executed: 0, failed: 1 });
    const second = fakeRunner();
    await runPlan([spec('a')], { outDir: out, runner: second.runner, log });
    expect(second.calls).toEqual(['a']);
  });

  it('leaves no temporary files next to the stored runs', async () => {
    const { runner } = fakeRunner();
    await runPlan([spec('a')], { outDir: out, runner, log });
    const names = await readdir(join(out, 'e1', 'per-run'), {
      withFileTypes: false,
    });
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('runs up to `jobs` runs at once, each once, and reports them in plan order', async () => {
    const { calls, runner } = fakeRunner();
    let active = 0;
    let most = 0;
    // the first runs take longest, so they finish after later ones
    const delays: Record<string, number> = { a: 30, b: 20, c: 5, d: 1, e: 1 };
    const slow: Runner = async (s) => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((done) => setTimeout(done, delays[s.id]));
      active -= 1;
      return runner(s);
    };
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const plan = await runPlan(
      ids.map((id, i) => spec(id, i)),
      { outDir: out, runner: slow, log, jobs: 2 },
    );
    expect(most).toBe(2);
    expect([...calls].sort()).toEqual(ids);
    expect(plan.outcomes.map((o) => o.id)).toEqual(ids);
    expect(plan).toMatchObject({ executed: 5, failed: 0, incomplete: false });
    expect((await readdir(join(out, 'e1', 'per-run'))).sort()).toEqual(
      ids.map((id) => `${id}.json`),
    );
  });

  it('starts no run after one throws, keeps the runs already going, then rethrows', async () => {
    const { calls, runner } = fakeRunner();
    const failing: Runner = async (s) => {
      calls.push(`start ${s.id}`);
      if (s.id === 'b') {
        await new Promise((done) => setTimeout(done, 5));
        throw new Error('interrupted b');
      }
      await new Promise((done) => setTimeout(done, 30));
      return runner(s);
    };
    await expect(
      runPlan([spec('a', 0), spec('b', 1), spec('c', 2), spec('d', 3)], {
        outDir: out,
        runner: failing,
        log,
        jobs: 2,
      }),
    ).rejects.toThrow('interrupted b');
    expect(calls).toEqual(['start a', 'start b', 'a']);
    expect(await readdir(join(out, 'e1', 'per-run'))).toEqual(['a.json']);
  });

  it('executes only the selected runs, reuses the stored others and defers the rest', async () => {
    const first = fakeRunner();
    await runPlan([spec('a')], { outDir: out, runner: first.runner, log });
    const second = fakeRunner();
    const plan = await runPlan([spec('a'), spec('b'), spec('c')], {
      outDir: out,
      runner: second.runner,
      log,
      selected: (s) => s.id !== 'c',
    });
    expect(second.calls).toEqual(['b']);
    expect(plan).toMatchObject({
      executed: 1,
      reused: 1,
      deferred: 1,
      incomplete: true,
    });
    expect(plan.outcomes.map((o) => o.id)).toEqual(['a', 'b']);
    const all = await runPlan([spec('a'), spec('b'), spec('c')], {
      outDir: out,
      runner: fakeRunner().runner,
      log,
    });
    expect(all).toMatchObject({ executed: 1, reused: 2, deferred: 0 });
    expect(all.incomplete).toBe(false);
  });

  it('rejects a jobs count that is not a positive integer', async () => {
    const { runner } = fakeRunner();
    for (const jobs of [0, 1.5, Number.NaN]) {
      await expect(
        runPlan([spec('a')], { outDir: out, runner, log, jobs }),
      ).rejects.toThrow(`jobs must be a positive integer, got ${jobs}`);
    }
  });
});
