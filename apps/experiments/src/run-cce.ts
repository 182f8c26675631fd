// Runs one experiment run as a child `cce` process with `--json --quiet`
// (the CLI's public interface; a fresh process also gives every run fresh
// tfjs global state). An interrupted run folder is continued with --resume.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CceResult,
  EpochSummary,
  RunOutcome,
  RunSpec,
} from './run-spec.js';
import { readComposition } from './composition.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** The trainer's built CLI (override with CCE_CLI). */
export const CCE_CLI =
  process.env.CCE_CLI ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../trainer/dist/cli.js');

/** Exit code of `cce` after Ctrl-C (it wrote a checkpoint). */
export const EXIT_INTERRUPTED = 130;

/** Thrown when a child run was interrupted: stop the whole pipeline. */
export class InterruptedRunError extends Error {}

/** Inputs of {@link runCce}. */
export interface RunCceOptions {
  /** Parent of the run folders (checkpoints live there, not in results). */
  workDir: string;
  /** Shell-like rendering of the command, for the record. */
  display: (args: readonly string[]) => string;
  /** Build stamp stored in the record (see trainer-build.ts). */
  build?: string;
}

/** Runs `spec` to the end; resolves to a record or a failure. */
export async function runCce(
  spec: RunSpec,
  options: RunCceOptions,
): Promise<RunOutcome> {
  const runDir = join(options.workDir, spec.experiment, spec.id);
  // The arguments sit next to the run folder (cce wants --out empty), so a
  // half-done folder of other arguments is never resumed.
  const argsFile = `${runDir}.args.json`;
  const wanted = JSON.stringify(spec.args);
  const resumable =
    existsSync(join(runDir, 'checkpoints', 'latest.json')) &&
    (await readFile(argsFile, 'utf8').catch(() => '')) === wanted;
  if (!resumable) {
    await rm(runDir, { recursive: true, force: true });
    await writeFileAtomic(argsFile, wanted);
  }
  const output = ['--json', '--quiet', '--no-progress'];
  const argv = resumable
    ? [spec.args[0]!, '--resume', runDir, ...output]
    : [...spec.args, '--out', runDir, ...output];
  const { code, stdout, stderr } = await spawnCli(argv);
  const command = options.display(spec.args);
  if (code === EXIT_INTERRUPTED) {
    throw new InterruptedRunError(
      `run ${spec.id} was interrupted; its checkpoint is in ${runDir}`,
    );
  }
  const base = {
    id: spec.id,
    experiment: spec.experiment,
    group: spec.group,
    seed: spec.seed,
    command,
    args: spec.args,
  };
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) {
    const lines = stderr.trim().split('\n');
    return {
      ...base,
      status: 'failed',
      exitCode: code,
      error: lines[lines.length - 1] || `exit code ${code}, no output`,
    };
  }
  const result = JSON.parse(last) as CceResult;
  const history = await readHistory(runDir);
  const composition = readComposition(
    await readFile(join(runDir, 'predictions.csv'), 'utf8').catch(() => ''),
  );
  // The checkpoints are only needed to resume; a finished run drops them.
  await rm(join(runDir, 'checkpoints'), { recursive: true, force: true });
  return {
    ...base,
    status: 'ok',
    result,
    history,
    ...(composition === undefined ? {} : { composition }),
    finished: new Date().toISOString(),
    ...(options.build === undefined ? {} : { build: options.build }),
  };
}

/** The children running now (more than one with `--jobs`). */
const running = new Set<ChildProcess>();

/**
 * Passes Ctrl-C on to the running children, which write a checkpoint and
 * exit 130 (the pipeline then stops; the next start resumes them).
 */
export function interruptRunningRuns(signal: NodeJS.Signals): void {
  for (const child of running) child.kill(signal);
}

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(argv: string[]): Promise<Spawned> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CCE_CLI, ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
    });
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    running.add(child);
    child.on('error', (error) => {
      running.delete(child);
      fail(error);
    });
    child.on('close', (code) => {
      running.delete(child);
      done({ code, stdout, stderr });
    });
  });
}

async function readHistory(runDir: string): Promise<EpochSummary[]> {
  let text: string;
  try {
    text = await readFile(join(runDir, 'epochs.jsonl'), 'utf8');
  } catch {
    return []; // k-means has no epochs
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const r = JSON.parse(line) as {
        epoch: number;
        loss: Record<string, number>;
        train: { acc: number } | null;
        test: { acc: number } | null;
        seconds: number;
      };
      return {
        epoch: r.epoch,
        loss: r.loss,
        trainAcc: r.train?.acc ?? null,
        testAcc: r.test?.acc ?? null,
        seconds: r.seconds,
      };
    });
}
