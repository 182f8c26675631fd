// The `@cce/datasets/browser` entry must not reach any Node built-in or
// Node-only dependency, so bundlers can ship it to a browser unchanged.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser.js';
import * as node from '../src/index.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Bare (non-relative) import specifiers reachable from `entry`. */
function bareImports(entry: string): Set<string> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /(?:import|export)\s[^;]*?from\s+'([^']+)'/g,
    )) {
      const spec = m[1]!;
      if (spec.startsWith('.'))
        visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.add(spec);
    }
  };
  visit(entry);
  return bare;
}

describe('browser entry', () => {
  it('imports nothing but @cce/errors outside its own files', () => {
    expect([...bareImports(join(SRC, 'browser.ts'))]).toEqual(['@cce/errors']);
  });

  it('is a subset of the Node entry, which adds the file loaders', () => {
    const b = Object.keys(browser).sort();
    const n = Object.keys(node);
    for (const key of b) expect(n).toContain(key);
    expect(n.filter((k) => !b.includes(k)).sort()).toEqual([
      'DEFAULT_MAX_DECOMPRESSED_BYTES',
      'STL10_MAX_IMAGES_PER_CALL',
      'loadCifar10',
      'loadCifar100',
      'loadFashionMnist',
      'loadFeatures',
      'loadMnist',
      'loadStl10',
      'parseCsvFeatures',
      'readIdx',
    ]);
  });
});
