// Link check of the built site: every internal link, asset reference and
// anchor in every built HTML file must resolve to a file and, for
// `#anchors`, to an element id in the target page.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuiltSite } from './helpers/built-site.js';
import {
  extractIds,
  extractLinks,
  resolveSitePath,
} from './helpers/html-links.js';

describe('the built site', () => {
  let siteDir: string;
  let pages: string[];

  beforeAll(() => {
    siteDir = ensureBuiltSite();
    pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${file.split(sep).join('/')}`);
  }, BUILD_TIMEOUT_MS);

  it('has every page of the guide when built', () => {
    for (const page of [
      '/index.html',
      '/getting-started.html',
      '/demo.html',
      '/concepts/soft-labels.html',
      '/concepts/collision-cross-entropy.html',
      '/concepts/self-labeling.html',
      '/concepts/em-solver.html',
      '/guides/cluster-embeddings.html',
      '/guides/soft-label-training.html',
      '/guides/choose-lambda.html',
      '/guides/tfjs-node.html',
      '/results/index.html',
      '/cli/index.html',
      '/api/index.html',
    ]) {
      expect(pages, page).toContain(page);
    }
    expect(
      pages.filter((p) => p.startsWith('/api/@cce/')).length,
    ).toBeGreaterThanOrEqual(7);
  });

  it('resolves every internal link and anchor when the HTML is crawled', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string): Set<string> => {
      let found = ids.get(file);
      if (!found) {
        found = extractIds(readFileSync(file, 'utf8'));
        ids.set(file, found);
      }
      return found;
    };

    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(join(siteDir, page), 'utf8');
      for (const link of extractLinks(html)) {
        const target = resolveSitePath(siteDir, page, link);
        if (target === 'external') continue;
        checked += 1;
        if (target === undefined) {
          broken.push(`${page}: ${link} (no such file)`);
          continue;
        }
        const hash = link.split('#')[1];
        if (hash && target.file.endsWith('.html')) {
          const id = decodeURIComponent(hash);
          if (!idsOf(target.file).has(id)) {
            broken.push(`${page}: ${link} (no element with id "${id}")`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });

  it('serves the assets the pages reference when they are built', () => {
    const assets = join(siteDir, 'assets');
    expect(existsSync(assets) && statSync(assets).isDirectory()).toBe(true);
    expect(existsSync(join(siteDir, 'favicon.svg'))).toBe(true);
  });
});
