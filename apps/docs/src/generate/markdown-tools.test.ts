import { describe, expect, it } from 'vitest';
import { isExternal, rewriteLinks, shiftHeadings } from './markdown-tools.js';

describe('rewriteLinks', () => {
  it('rewrites link and image targets when they are in prose', () => {
    const text = 'See [a](a.md) and ![plot](p.svg "Plot").';
    const out = rewriteLinks(text, (t) => `/x/${t}`);
    expect(out).toBe('See [a](/x/a.md) and ![plot](/x/p.svg "Plot").');
  });

  it('keeps the text only when the rewriter returns null', () => {
    expect(rewriteLinks('a [LICENSE](../LICENSE) b', () => null)).toBe(
      'a LICENSE b',
    );
  });

  it('rewrites links whose text is inline code when they are outside code', () => {
    const out = rewriteLinks('[`Foo`](#foo-1)', () => '#foo');
    expect(out).toBe('[`Foo`](#foo)');
  });

  it('leaves links alone when they are inside inline code or a fence', () => {
    const text = ['`[a](b)`', '```md', '[c](d)', '```', '[e](f)'].join('\n');
    const out = rewriteLinks(text, () => 'X');
    expect(out.split('\n')).toEqual([
      '`[a](b)`',
      '```md',
      '[c](d)',
      '```',
      '[e](X)',
    ]);
  });
});

describe('shiftHeadings', () => {
  it('moves headings down and caps them at level 6 when shifted', () => {
    const out = shiftHeadings(
      '# A\ntext\n##### B\n```\n# not a heading\n```',
      2,
    );
    expect(out).toBe('### A\ntext\n###### B\n```\n# not a heading\n```');
  });
});

describe('isExternal', () => {
  it('tells other origins from site paths when given targets', () => {
    expect(isExternal('https://arxiv.org/abs/2303.07321')).toBe(true);
    expect(isExternal('mailto:a@b.c')).toBe(true);
    expect(isExternal('//cdn.example/x.js')).toBe(true);
    expect(isExternal('../api/')).toBe(false);
    expect(isExternal('/results/a.svg')).toBe(false);
  });
});
