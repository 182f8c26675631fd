// Runs the README's example block and checks every `// value` comment
// against what the line printed.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(
  fileURLToPath(new URL('../README.md', import.meta.url)),
  'utf8',
);
const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** The first ```ts block after "## Example". */
function exampleBlock(): string {
  const section = readme.slice(readme.indexOf('## Example'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error('README has no example block');
  return match[1]!;
}

/** The `// value` comments of console.log statements, in order. */
function expectedOutputs(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/console\.log\([\s\S]*?\); \/\/ (.*)$/gm)) {
    out.push(m[1]!.trim());
  }
  return out;
}

describe('README example', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs and prints the values its comments state', async () => {
    const code = exampleBlock();
    const expected = expectedOutputs(code);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const file = join(tmpdir(), `em-solver-readme-${process.pid}.ts`);
    writeFileSync(
      file,
      code.replace("'@cce/em-solver'", JSON.stringify(index)),
    );
    const printed: unknown[] = [];
    vi.spyOn(console, 'log').mockImplementation((value: unknown) => {
      printed.push(value);
    });
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      unlinkSync(file);
    }
    expect(printed).toHaveLength(expected.length);
    printed.forEach((value, j) => {
      const want = expected[j]!;
      if (typeof value === 'number') {
        expect(Math.abs(value - Number(want))).toBeLessThan(5e-7);
      } else {
        expect(String(value)).toBe(want);
      }
    });
  });
});
