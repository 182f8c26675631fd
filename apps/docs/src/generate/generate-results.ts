// Generates the results page (pages/results/index.md) from files that code
// wrote: experiment reports and plots in apps/docs/results/, and every
// package's bench-results/*.md. Nothing here is typed in by hand; where no
// file exists yet the page says so.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { isExternal, rewriteLinks, shiftHeadings } from './markdown-tools.js';

/** Where the results generator reads and writes. */
export interface ResultsOptions {
  repoRoot: string;
  /** apps/docs/results: experiment reports written by the trainer. */
  resultsDir: string;
  pagesDir: string;
  log: (line: string) => void;
}

/** One markdown file to include, and the public URL prefix of its assets. */
interface Source {
  file: string;
  title: string;
  urlPrefix: string;
}

const IMAGE = new Set(['.svg', '.png', '.jpg', '.jpeg', '.webp']);
const DATA = new Set(['.json', '.jsonl', '.csv']);

/** Writes the page and copies assets; resolves to the files included. */
export function generateResults(options: ResultsOptions): number {
  const publicDir = join(options.pagesDir, 'public', 'results');
  rmSync(publicDir, { recursive: true, force: true });
  const copy = (file: string, urlPrefix: string, rel: string): string => {
    const url = `${urlPrefix}/${rel.split(sep).join('/')}`;
    const target = join(options.pagesDir, 'public', ...url.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    return url;
  };

  const experiments = experimentSection(options, copy);
  const benches = benchSection(options, copy);
  const dir = join(options.pagesDir, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.md'),
    [header(), experiments.text, benches.text].join('\n'),
  );
  const count = experiments.count + benches.count;
  options.log(`[docs] results: ${count} generated files included`);
  return count;
}

type Copy = (file: string, urlPrefix: string, rel: string) => string;

function header(): string {
  return [
    '# Results',
    '',
    'Everything on this page is included, when the site is built, from',
    "files that the project's code wrote: the experiment reports in",
    "`apps/docs/results/` and the benchmark tables in each package's",
    '`bench-results/`. Benchmarks ran on a shared, noisy 2-core machine:',
    'compare the ratios within one table rather than absolute times.',
    '',
  ].join('\n');
}

function experimentSection(
  options: ResultsOptions,
  copy: Copy,
): { text: string; count: number } {
  const files = existsSync(options.resultsDir)
    ? walk(options.resultsDir).filter(
        (f) => relative(options.resultsDir, f) !== 'README.md',
      )
    : [];
  const markdown = files.filter((f) => extname(f) === '.md');
  const lines = ['## Experiments', ''];
  if (files.length === 0) {
    lines.push(
      '::: info Not generated yet',
      'No experiment report has been generated into `apps/docs/results/`',
      'yet. The experiments (soft-label robustness, clustering, pseudo-label',
      'solvers, throughput) write their reports and plots there; rebuild the',
      'site afterwards to include them.',
      ':::',
      '',
    );
    return { text: lines.join('\n'), count: 0 };
  }

  const referenced = new Set<string>();
  for (const file of markdown) {
    const source: Source = {
      file,
      title: basename(file, '.md'),
      urlPrefix: '/results',
    };
    lines.push(include(source, options.resultsDir, copy, referenced, 2), '');
  }
  const loose = files.filter((f) => !referenced.has(f) && extname(f) !== '.md');
  lines.push(...looseFiles(loose, options.resultsDir, copy));
  return { text: lines.join('\n'), count: files.length };
}

function benchSection(
  options: ResultsOptions,
  copy: Copy,
): { text: string; count: number } {
  const lines = ['## Benchmarks', ''];
  let count = 0;
  for (const group of ['packages', 'apps']) {
    const base = join(options.repoRoot, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name, 'bench-results');
      if (!existsSync(dir)) continue;
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort();
      for (const file of files) {
        const source: Source = {
          file: join(dir, file),
          title: `@cce/${name}: ${basename(file, '.md')}`,
          urlPrefix: `/results/bench/${name}`,
        };
        lines.push(include(source, dir, copy, new Set(), 3, true), '');
        count += 1;
      }
    }
  }
  if (count === 0) {
    lines.push(
      '::: info Not generated yet',
      'No package has committed benchmark results (`bench-results/*.md`)',
      'yet. `pnpm --filter <package> bench` writes them.',
      ':::',
      '',
    );
  }
  return { text: lines.join('\n'), count };
}

// Includes one markdown file: headings shifted under the page's sections,
// local assets copied to the public folder, other local links unlinked,
// and Vue's template syntax switched off (::: v-pre).
function include(
  source: Source,
  baseDir: string,
  copy: Copy,
  referenced: Set<string>,
  shift: number,
  forceTitle = false,
): string {
  const raw = readFileSync(source.file, 'utf8');
  const startsWithTitle = /^\s*# /.test(raw);
  const linked = rewriteLinks(raw, (target) => {
    if (isExternal(target) || target.startsWith('#')) return target;
    const [path = ''] = target.split('#');
    const file = join(dirname(source.file), path);
    if (!existsSync(file) || !statSync(file).isFile()) return null;
    if (extname(file) === '.md') return null;
    referenced.add(file);
    return copy(file, source.urlPrefix, relative(baseDir, file));
  });
  const title =
    forceTitle || !startsWithTitle
      ? `${'#'.repeat(shift + 1)} ${source.title}\n\n`
      : '';
  const body = shiftHeadings(
    linked,
    forceTitle || !startsWithTitle ? shift + 1 : shift,
  );
  return `${title}::: v-pre\n${body.trim()}\n:::\n`;
}

function looseFiles(files: string[], baseDir: string, copy: Copy): string[] {
  const images = files.filter((f) => IMAGE.has(extname(f)));
  const data = files.filter((f) => DATA.has(extname(f)));
  const lines: string[] = [];
  if (images.length > 0) {
    lines.push('### Plots', '');
    for (const file of images) {
      const rel = relative(baseDir, file);
      lines.push(`![${rel}](${copy(file, '/results', rel)})`, '');
    }
  }
  if (data.length > 0) {
    lines.push('### Data files', '');
    for (const file of data) {
      const rel = relative(baseDir, file);
      lines.push(`- [${rel}](${copy(file, '/results', rel)})`);
    }
    lines.push('');
  }
  return lines;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile())
    .sort();
}
