// runCce against a fake `cce` (test/fixtures/fake-cce.mjs): output parsing,
// failures, and continuing an interrupted run folder with --resume.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '../src/run-spec.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-cce.mjs', import.meta.url));

describe('runCce', () => {
  let work: string;
  let runCce: typeof import('../src/run-cce.js').runCce;
  let InterruptedRunError: typeof import('../src/run-cce.js').InterruptedRunError;
  const spec = (args: string[]): RunSpec => ({
    id: 'r1',
    experiment: 'e1',
    args,
    group: { loss: 'collision' },
    seed: 0,
    order: 0,
  });
  const calls = async () =>
    (await readFile(join(work, 'calls.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
  const options = () => ({
    workDir: join(work, 'work'),
    display: (a: readonly string[]) => a.join(' '),
  });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cce-exp-run-'));
    process.env.CCE_CLI = FAKE;
    process.env.FAKE_CCE_LOG = join(work, 'calls.jsonl');
    ({ runCce, InterruptedRunError } = await import('../src/run-cce.js'));
  });
  afterAll(async () => {
    delete process.env.CCE_CLI;
    await rm(work, { recursive: true, force: true });
  });

  it('continues an interrupted run with --resume when its arguments match', async () => {
    process.env.FAKE_CCE_MODE = 'interrupt';
    await expect(
      runCce(spec(['train', '--seed', '0']), options()),
    ).rejects.toBeInstanceOf(InterruptedRunError);
    process.env.FAKE_CCE_MODE = 'ok';
    const outcome = await runCce(spec(['train', '--seed', '0']), options());
    const [first, second] = await calls();
    expect(first!.slice(0, 3)).toEqual(['train', '--seed', '0']);
    expect(second!.slice(0, 2)).toEqual(['train', '--resume']);
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.history.map((h) => h.loss.collision)).toEqual([1, 0.5]);
    expect(outcome.history[0]!.testAcc).toBe(0.6);
    // the fake's predictions.csv: cluster 0 = {label 0}, cluster 1 = {0, 1}
    expect(outcome.composition).toEqual([
      [1, 0],
      [1, 1],
    ]);
    // a finished run drops its checkpoints
    expect(existsSync(join(work, 'work', 'e1', 'r1', 'checkpoints'))).toBe(
      false,
    );
  });

  it('starts afresh when the interrupted folder was made with other arguments', async () => {
    process.env.FAKE_CCE_MODE = 'interrupt';
    await expect(
      runCce(spec(['train', '--seed', '0']), options()),
    ).rejects.toThrow();
    process.env.FAKE_CCE_MODE = 'ok';
    await runCce(spec(['train', '--seed', '1']), options());
    const last = (await calls()).pop()!;
    expect(last.slice(0, 3)).toEqual(['train', '--seed', '1']);
    expect(last).not.toContain('--resume');
  });

  it('reports the last stderr line and the exit code of a failed run', async () => {
    process.env.FAKE_CCE_MODE = 'fail';
    const outcome = await runCce(spec(['train']), options());
    expect(outcome).toMatchObject({
      status: 'failed',
      exitCode: 2,
      error: 'cce: something went wrong',
    });
  });
});
