// The real `cce` process: exit codes, stderr kept to one line, help that
// lists every flag, and Ctrl-C (SIGINT) writing a checkpoint before a
// clean exit with code 130. Runs src/cli.ts through tsx, so no build is
// needed.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLUSTER_COMMAND_FIELDS,
  TRAIN_COMMAND_FIELDS,
} from '../src/config/fields.js';
import { isOneLine, removeDir, tempDir } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
let cwd: string;

beforeAll(async () => {
  cwd = await tempDir();
});

afterAll(() => removeDir(cwd));

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
}

function finish(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the cce process', () => {
  it('exits 2 with one line and no stack trace when the command is unknown', async () => {
    const run = await finish(start(['clusterr']));
    expect(run.code).toBe(2);
    expect(isOneLine(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(/^cce: unknown command 'clusterr'/);
  });

  it('exits 2 naming --clusters when --clusters is below 2', async () => {
    const run = await finish(start(['cluster', '--clusters', '1']));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "cce cluster: '--clusters' must be an integer >= 2, got 1\n",
    );
  });

  it('lists every flag of every command when run with --help', async () => {
    const run = await finish(start(['--help']));
    expect(run.code).toBe(0);
    const flags = [...CLUSTER_COMMAND_FIELDS, ...TRAIN_COMMAND_FIELDS].map(
      (f) => f.flag,
    );
    for (const flag of flags) expect(run.stdout).toContain(flag);
    for (const text of [
      'cce cluster --help',
      'cce train --help',
      'cce eval --help',
      'cce bench --help',
      '--resume <runDir>',
      '--predictions <file>',
      '--quick',
      'Exit codes',
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('writes a checkpoint and exits 130 when it receives SIGINT during training', async () => {
    const child = start([
      'cluster',
      '--samples',
      '3000',
      '--hidden',
      '64',
      '--batch-size',
      '50',
      '--epochs',
      '50',
      '--out',
      'stopped',
      '--log-level',
      'debug',
      '--no-progress',
    ]);
    const done = finish(child);
    // Stop once the first epoch has ended (its summary line is printed).
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (d: Buffer) => {
        if (d.toString().includes('[epoch] epoch 1/50')) resolve();
      });
    });
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(
      /interrupted at epoch 2, batch \d+; checkpoint written. Continue with: cce cluster --resume stopped/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const latest = JSON.parse(
      await readFile(
        join(cwd, 'stopped', 'checkpoints', 'latest.json'),
        'utf8',
      ),
    );
    expect(latest.checkpoint).toMatch(/^epoch-0002-batch-0000\d\d$/);
  });
});
