// Test helpers: run `cce` in-process with a recording io, in a temporary
// working directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../src/cli/io.js';
import { runCli, type RunCliOptions } from '../src/cli/run-cli.js';

/** What one invocation printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cce ...args` in `cwd`. */
export async function cce(
  args: readonly string[],
  cwd: string,
  options: RunCliOptions = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    writeOut: (t) => {
      stdout += t;
    },
    writeErr: (t) => {
      stderr += t;
    },
    errIsTty: false,
    progressStream: new PassThrough(),
    cwd,
  };
  const code = await runCli(args, io, options);
  return { code, stdout, stderr };
}

/** A fresh temporary folder; remove it with {@link removeDir}. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cce-trainer-test-'));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** stderr is exactly one line and shows no stack trace. */
export function isOneLine(text: string): boolean {
  return (
    text.endsWith('\n') &&
    text.trimEnd().split('\n').length === 1 &&
    !/\n\s+at /.test(text)
  );
}
