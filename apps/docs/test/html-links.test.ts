import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  extractIds,
  extractLinks,
  resolveSitePath,
} from './helpers/html-links.js';

const site = mkdtempSync(join(tmpdir(), 'cce-docs-links-'));
mkdirSync(join(site, 'guide'), { recursive: true });
writeFileSync(join(site, 'index.html'), '<h1 id="top">x</h1>');
writeFileSync(join(site, 'guide', 'a.html'), '<h2 id="step-1">a</h2>');
writeFileSync(join(site, 'guide', 'index.html'), 'guide');
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('extractLinks and extractIds', () => {
  it('reads href and src values and decodes entities when present', () => {
    const html =
      '<a href="/a?x=1&amp;y=2">a</a><img src="b.svg"><code><a href="/in-code">c</a></code><h2 id="x&amp;y">';
    expect(extractLinks(html)).toEqual(['/a?x=1&y=2', 'b.svg']);
    expect([...extractIds(html)]).toEqual(['x&y']);
  });
});

describe('resolveSitePath', () => {
  it('maps clean, .html, folder and relative links to files when they exist', () => {
    expect(resolveSitePath(site, '/index.html', '/guide/a')).toEqual({
      file: join(site, 'guide', 'a.html'),
    });
    expect(
      resolveSitePath(site, '/index.html', '/guide/a.html#step-1'),
    ).toEqual({ file: join(site, 'guide', 'a.html') });
    expect(resolveSitePath(site, '/guide/a.html', './')).toEqual({
      file: join(site, 'guide', 'index.html'),
    });
    expect(resolveSitePath(site, '/guide/a.html', '../index.html')).toEqual({
      file: join(site, 'index.html'),
    });
    expect(resolveSitePath(site, '/guide/a.html', '#step-1')).toEqual({
      file: join(site, 'guide', 'a.html'),
    });
  });

  it('reports a missing target and skips other origins when checked', () => {
    expect(
      resolveSitePath(site, '/index.html', '/guide/b.html'),
    ).toBeUndefined();
    expect(
      resolveSitePath(site, '/index.html', 'https://arxiv.org/abs/2303.07321'),
    ).toBe('external');
  });
});
