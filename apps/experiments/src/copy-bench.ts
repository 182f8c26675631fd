// E3 and E4 are benchmarks the packages run themselves; the experiments
// copy their committed tables into the results with a header naming the
// command that produced them, and never rerun them.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';

/** One benchmark to include. */
export interface BenchSource {
  experiment: 'e3' | 'e4';
  title: string;
  /** Package folder under the repository, e.g. `packages/backbones`. */
  packageDir: string;
  /** File stem in `bench-results/`, e.g. `e4`. */
  stem: string;
}

export const BENCH_SOURCES: BenchSource[] = [
  {
    experiment: 'e3',
    title: 'E3: pseudo-label solvers',
    packageDir: 'packages/em-solver',
    stem: 'e3',
  },
  {
    experiment: 'e4',
    title: 'E4: training throughput',
    packageDir: 'packages/backbones',
    stem: 'e4',
  },
];

/** What was copied, for the summary. */
export interface BenchCopy {
  experiment: string;
  copied: boolean;
  /** Repository-relative source file. */
  source: string;
  command: string;
  /**
   * When the benchmark ran: its JSON's `date` field, else the source's
   * modification time (a fresh checkout sets that to the checkout time).
   */
  date: string | null;
  /** Where `date` came from. */
  dateFrom: 'json' | 'mtime' | null;
}

/** Copies one benchmark's md and json to `<out>/<experiment>/`. */
export async function copyBench(
  repoRoot: string,
  outDir: string,
  bench: BenchSource,
): Promise<BenchCopy> {
  const rel = `${bench.packageDir}/bench-results/${bench.stem}`;
  const md = join(repoRoot, `${rel}.md`);
  const command = await benchCommand(repoRoot, bench.packageDir);
  const target = join(outDir, bench.experiment, `${bench.stem}.md`);
  if (!existsSync(md)) {
    const others = await otherTables(repoRoot, bench.packageDir);
    await writeFileAtomic(
      target,
      [
        `# ${bench.title}`,
        '',
        `Not available yet: \`${rel}.md\` did not exist when this was generated.`,
        `It is written by \`${command}\`; rerun \`pnpm experiments --only ${bench.experiment}\` afterwards to include it.`,
        ...(others.length > 0
          ? [
              '',
              `The package's \`bench-results/\` held only ${others.map((f) => `\`${f}\``).join(', ')}, which the results page shows under "Benchmarks".`,
            ]
          : []),
        '',
      ].join('\n'),
    );
    return {
      experiment: bench.experiment,
      copied: false,
      source: `${rel}.md`,
      command,
      date: null,
      dateFrom: null,
    };
  }

  const json = join(repoRoot, `${rel}.json`);
  const ran = existsSync(json) ? runDate(await readFile(json, 'utf8')) : null;
  const date = ran ?? (await stat(md)).mtime.toISOString();
  const header = [
    `> Copied from \`${rel}.md\` (${ran ? 'run' : 'last modified'} ${date}); produced by`,
    `> \`${command}\`. \`pnpm experiments\` does not rerun this benchmark.`,
  ].join('\n');
  const data = existsSync(json)
    ? `\n>\n> Data: [${bench.stem}.json](${bench.stem}.json).`
    : '';
  const text = await readFile(md, 'utf8');
  await writeFileAtomic(target, insertAfterTitle(text, header + data));
  if (existsSync(json)) {
    await writeFileAtomic(
      join(outDir, bench.experiment, `${bench.stem}.json`),
      await readFile(json, 'utf8'),
    );
  }
  return {
    experiment: bench.experiment,
    copied: true,
    source: `${rel}.md`,
    command,
    date,
    dateFrom: ran ? 'json' : 'mtime',
  };
}

/** The `date` field of a benchmark's JSON, if it is a valid date. */
export function runDate(jsonText: string): string | null {
  try {
    const date = (JSON.parse(jsonText) as { date?: unknown }).date;
    return typeof date === 'string' && !Number.isNaN(Date.parse(date))
      ? date
      : null;
  } catch {
    return null;
  }
}

/** Puts `header` after the first `# ` title (or at the top). */
export function insertAfterTitle(markdown: string, header: string): string {
  const lines = markdown.split('\n');
  const title = lines.findIndex((l) => l.startsWith('# '));
  if (title < 0) return `${header}\n\n${markdown}`;
  lines.splice(title + 1, 0, '', header);
  return lines.join('\n');
}

async function benchCommand(
  repoRoot: string,
  packageDir: string,
): Promise<string> {
  try {
    const pkg = JSON.parse(
      await readFile(join(repoRoot, packageDir, 'package.json'), 'utf8'),
    ) as { name?: string; scripts?: Record<string, string> };
    const script = pkg.scripts?.bench;
    return script
      ? `pnpm --filter ${pkg.name} bench`
      : `pnpm --filter ${pkg.name} bench (no bench script yet)`;
  } catch {
    return `the bench script of ${packageDir}`;
  }
}

async function otherTables(
  repoRoot: string,
  packageDir: string,
): Promise<string[]> {
  try {
    const dir = join(repoRoot, packageDir, 'bench-results');
    return (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  } catch {
    return [];
  }
}
