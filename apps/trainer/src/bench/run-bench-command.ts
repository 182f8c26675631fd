// `cce bench`: runs the `bench` script of every workspace package that has
// one (what `pnpm --filter @cce/<pkg> bench` runs), collects the markdown
// tables each prints and shows them as one table.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../cli/context.js';
import type { RawOptions } from '../cli/program.js';
import { EXIT, usageError } from '../cli/usage-error.js';
import { writeFileAtomic } from '../run/write-file-atomic.js';
import { type BenchRow, parseMarkdownTables } from './parse-markdown-tables.js';

/** One package's benchmark run. */
export interface PackageBench {
  package: string;
  command: string;
  ok: boolean;
  exitCode: number;
  seconds: number;
  rows: BenchRow[];
}

/** Runs `cce bench` with commander's options. */
export async function runBenchCommand(
  raw: RawOptions,
  ctx: CommandContext,
): Promise<void> {
  const root = findWorkspaceRoot();
  const available = await benchPackages(root);
  const selected = selectPackages(raw.packages, available);
  const quick = raw.quick === true;

  const results: PackageBench[] = [];
  for (const pkg of selected) {
    if (ctx.signal.aborted) break;
    results.push(await runOne(ctx, root, pkg, quick));
  }
  const table = renderTable(results, quick);
  if (typeof raw.out === 'string') {
    const dir = resolve(ctx.io.cwd, raw.out);
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, 'bench.md'), table);
    await writeFileAtomic(
      join(dir, 'bench.json'),
      `${JSON.stringify({ quick, results }, null, 2)}\n`,
    );
  }
  ctx.io.writeOut(ctx.json ? `${JSON.stringify({ quick, results })}\n` : table);
  const failed = results.filter((r) => !r.ok).map((r) => r.package);
  if (failed.length > 0) {
    throw Object.assign(
      new Error(`cce bench: benchmarks failed in ${failed.join(', ')}`),
      {
        exitCode: EXIT.failure,
      },
    );
  }
}

// The monorepo root: the folder above this file with pnpm-workspace.yaml.
function findWorkspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = dirname(dir);
  }
  throw usageError(
    'bench',
    'cce bench',
    'run from a checkout of the cce monorepo (it runs the packages\u2019 bench scripts)',
    'an installed copy',
  );
}

async function benchPackages(root: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(join(root, 'packages'))) {
    try {
      const text = await readFile(
        join(root, 'packages', entry, 'package.json'),
        'utf8',
      );
      const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
      if (pkg.scripts?.bench) names.push(entry);
    } catch {
      // not a package
    }
  }
  return names.sort();
}

function selectPackages(value: unknown, available: string[]): string[] {
  if (value === undefined) return available;
  const wanted = String(value)
    .split(',')
    .map((s) => s.trim().replace(/^@cce\//, ''))
    .filter(Boolean);
  for (const name of wanted) {
    if (!available.includes(name)) {
      throw usageError(
        'bench',
        '--packages',
        `a comma-separated list of ${available.join(', ')}`,
        JSON.stringify(name),
      );
    }
  }
  return wanted;
}

function runOne(
  ctx: CommandContext,
  root: string,
  pkg: string,
  quick: boolean,
): Promise<PackageBench> {
  const args = ['run', 'bench', ...(quick ? ['--quick'] : [])];
  const command = `pnpm --filter @cce/${pkg} ${args.join(' ')}`;
  ctx.logger.info('bench', `${pkg}: ${command}`);
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('pnpm', args, {
      cwd: join(root, 'packages', pkg),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) ctx.logger.debug(`bench:${pkg}`, line);
      }
    });
    const abort = () => child.kill('SIGINT');
    ctx.signal.addEventListener('abort', abort, { once: true });
    const finish = (exitCode: number) => {
      ctx.signal.removeEventListener('abort', abort);
      const seconds = (performance.now() - started) / 1000;
      ctx.logger.info(
        'bench',
        `${pkg}: exit ${exitCode} after ${seconds.toFixed(1)} s`,
      );
      done({
        package: pkg,
        command,
        ok: exitCode === 0,
        exitCode,
        seconds,
        rows: parseMarkdownTables(out),
      });
    };
    child.on('error', () => finish(127));
    child.on('close', (code) => finish(code ?? 1));
  });
}

function renderTable(results: readonly PackageBench[], quick: boolean): string {
  const escapeCell = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    `# cce benchmarks${quick ? ' (--quick)' : ''}`,
    '',
    'Each row is one row of a package\u2019s own benchmark table: its first cell, then the other cells as column=value. The machine may be shared, so ratios are more trustworthy than absolute times.',
    '',
    '| package | case | measurements |',
    '|---|---|---|',
  ];
  for (const r of results) {
    if (!r.ok) {
      lines.push(
        `| ${r.package} | failed (exit ${r.exitCode}) | \`${r.command}\` |`,
      );
      continue;
    }
    if (r.rows.length === 0) {
      lines.push(
        `| ${r.package} | (no table printed) | ${r.seconds.toFixed(1)} s |`,
      );
    }
    for (const row of r.rows) {
      const values = Object.entries(row.values)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      lines.push(
        `| ${r.package} | ${escapeCell(row.case)} | ${escapeCell(values)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
