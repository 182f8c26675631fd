// The folder every training run writes: config.json (resolved settings),
// epochs.jsonl (one line per epoch), checkpoints/, predictions.csv,
// result.json and report.md with plots/.
import { appendFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { usageError } from '../cli/usage-error.js';
import { TRAINER_VERSION } from '../version.js';
import {
  type CheckpointFiles,
  findCheckpoint,
  writeCheckpoint,
} from './checkpoint-store.js';
import type { EpochRecord } from './epoch-record.js';
import type { LoopSink } from './training-loop.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** File names inside a run folder. */
export const RUN_FILES = {
  config: 'config.json',
  epochs: 'epochs.jsonl',
  predictions: 'predictions.csv',
  result: 'result.json',
  report: 'report.md',
} as const;

/** What config.json holds besides the settings. */
export interface RunMeta {
  cceVersion: string;
  created: string;
  commandLine: string;
}

/** An open run folder. */
export class RunFolder implements LoopSink {
  private latest: string | undefined;

  private constructor(
    readonly dir: string,
    readonly cwd: string,
  ) {}

  /**
   * Creates a new run folder: `out` when given (it must not exist or be
   * empty), else `runs/<name>-<yyyymmdd-hhmmss>` under `cwd`.
   *
   * @throws UsageError when `out` is a file or a non-empty folder.
   */
  static async create(
    command: string,
    cwd: string,
    name: string,
    out?: string,
  ): Promise<RunFolder> {
    const dir = out
      ? resolve(cwd, out)
      : await freeName(resolve(cwd, 'runs', `${name}-${timestamp()}`));
    if (out) await assertEmptyOrMissing(command, dir, out);
    await mkdir(dir, { recursive: true });
    return new RunFolder(dir, cwd);
  }

  /**
   * Checks early that `out` can become a run folder (missing or empty).
   *
   * @throws UsageError when `out` is a file or a non-empty folder.
   */
  static async checkOut(
    command: string,
    cwd: string,
    out: string | undefined,
  ): Promise<void> {
    if (out) await assertEmptyOrMissing(command, resolve(cwd, out), out);
  }

  /**
   * Opens an existing run for `--resume`.
   *
   * @throws UsageError when the folder or its checkpoint is missing.
   */
  static async open(
    command: string,
    cwd: string,
    path: string,
  ): Promise<{ folder: RunFolder; checkpoint: string; config: unknown }> {
    const dir = resolve(cwd, path);
    let text: string;
    try {
      text = await readFile(join(dir, RUN_FILES.config), 'utf8');
    } catch {
      throw usageError(
        command,
        '--resume',
        `a run folder with ${RUN_FILES.config}`,
        JSON.stringify(path),
      );
    }
    const checkpoint = await findCheckpoint(dir);
    if (!checkpoint) {
      throw usageError(
        command,
        '--resume',
        'a run folder with a checkpoint (none was written before it stopped)',
        JSON.stringify(path),
      );
    }
    const folder = new RunFolder(dir, cwd);
    folder.latest = checkpoint;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw usageError(
        command,
        '--resume',
        `a run folder whose ${RUN_FILES.config} is valid JSON`,
        `${JSON.stringify(path)} (${(error as Error).message})`,
      );
    }
    return { folder, checkpoint, config: parsed };
  }

  /** Path relative to the working directory, for messages. */
  display(path = this.dir): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') ? rel : path;
  }

  /** Writes config.json: the settings plus version and command line. */
  async writeConfig(
    config: object,
    meta: Omit<RunMeta, 'cceVersion' | 'created'>,
  ): Promise<void> {
    const full = {
      ...config,
      $meta: {
        cceVersion: TRAINER_VERSION,
        created: new Date().toISOString(),
        ...meta,
      },
    };
    await writeFileAtomic(
      join(this.dir, RUN_FILES.config),
      `${JSON.stringify(full, null, 2)}\n`,
    );
  }

  async appendEpoch(record: EpochRecord): Promise<void> {
    await appendFile(
      join(this.dir, RUN_FILES.epochs),
      `${JSON.stringify(record)}\n`,
    );
  }

  /** Rewrites epochs.jsonl from a checkpoint's history (on resume). */
  async rewriteEpochs(history: readonly EpochRecord[]): Promise<void> {
    await writeFileAtomic(
      join(this.dir, RUN_FILES.epochs),
      history.map((r) => `${JSON.stringify(r)}\n`).join(''),
    );
  }

  async checkpoint(tag: string, files: CheckpointFiles): Promise<string> {
    const dir = await writeCheckpoint(this.dir, tag, files);
    this.latest = dir;
    return dir;
  }

  lastCheckpoint(): string | undefined {
    return this.latest ? this.display(this.latest) : undefined;
  }

  /** Writes a file of the run atomically. */
  async write(name: string, data: string | Uint8Array): Promise<string> {
    const path = join(this.dir, name);
    await writeFileAtomic(path, data);
    return path;
  }
}

async function assertEmptyOrMissing(
  command: string,
  dir: string,
  out: string,
): Promise<void> {
  let isDir: boolean;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    return;
  }
  if (!isDir || (await readdir(dir)).length > 0) {
    throw usageError(
      command,
      '--out',
      'a new or empty folder (use --resume to continue a run)',
      JSON.stringify(out),
    );
  }
}

async function freeName(base: string): Promise<string> {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? base : `${base}-${i}`;
    try {
      await stat(candidate);
    } catch {
      return candidate;
    }
  }
}

function timestamp(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
