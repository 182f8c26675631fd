import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateResults } from './generate-results.js';

let root: string;
const paths = () => ({
  repoRoot: root,
  resultsDir: join(root, 'apps', 'docs', 'results'),
  pagesDir: join(root, 'apps', 'docs', 'pages'),
  log: () => undefined,
});
const page = () =>
  readFileSync(join(paths().pagesDir, 'results', 'index.md'), 'utf8');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cce-docs-results-'));
  mkdirSync(paths().resultsDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('generateResults', () => {
  it('writes two not-generated notes when no result file exists', () => {
    writeFileSync(join(paths().resultsDir, 'README.md'), '# what goes here');
    expect(generateResults(paths())).toBe(0);
    const text = page();
    expect(text.match(/::: info Not generated yet/g)).toHaveLength(2);
    expect(text).not.toContain('what goes here');
  });

  it('includes a report with shifted headings and copies its plot when one exists', () => {
    writeFileSync(
      join(paths().resultsDir, 'e1.md'),
      '# E1 robustness\n\n| η | acc |\n|---|---|\n| 0.6 | 0.91 |\n\n![acc](e1.svg)\n[raw](e1.json)\n[other](missing.md)\n',
    );
    writeFileSync(join(paths().resultsDir, 'e1.svg'), '<svg/>');
    writeFileSync(join(paths().resultsDir, 'e1.json'), '{}');
    writeFileSync(join(paths().resultsDir, 'loose.png'), 'png');
    expect(generateResults(paths())).toBe(4);
    const text = page();
    expect(text).toContain('### E1 robustness');
    expect(text).toContain('::: v-pre');
    expect(text).toContain('| 0.6 | 0.91 |');
    expect(text).toContain('![acc](/results/e1.svg)');
    expect(text).toContain('[raw](/results/e1.json)');
    expect(text).toContain('\nother\n');
    expect(text).toContain('![loose.png](/results/loose.png)');
    const copied = join(paths().pagesDir, 'public', 'results', 'e1.svg');
    expect(readFileSync(copied, 'utf8')).toBe('<svg/>');
  });

  it('includes every package bench table under its package name when they exist', () => {
    const bench = join(root, 'packages', 'metrics', 'bench-results');
    mkdirSync(bench, { recursive: true });
    writeFileSync(
      join(bench, 'assignment.md'),
      '| n | ms |\n|---|---|\n| 300 | 23 |\n',
    );
    writeFileSync(join(bench, 'assignment.json'), '{}');
    expect(generateResults(paths())).toBe(1);
    const text = page();
    expect(text).toContain('### @cce/metrics: assignment');
    expect(text).toContain('| 300 | 23 |');
    expect(text.match(/Not generated yet/g)).toHaveLength(1);
    expect(
      existsSync(join(paths().pagesDir, 'public', 'results', 'bench')),
    ).toBe(false);
  });
});
