import { describe, expect, it } from 'vitest';
import { parseMarkdownTables } from './parse-markdown-tables.js';

describe('parseMarkdownTables', () => {
  it('turns every data row into a case and column=value pairs when two tables are printed', () => {
    const text = [
      '# bench',
      'some text | with a bar',
      '',
      '| backend | N | ms |',
      '|---|---:|:---|',
      '| cpu | 256 | 1.8 |',
      '| wasm | 256 | 0.2 |',
      '',
      '| metric | ms |',
      '|---|---|',
      '| acc | 0.4 |',
    ].join('\n');
    expect(parseMarkdownTables(text)).toEqual([
      { case: 'backend: cpu', values: { N: '256', ms: '1.8' } },
      { case: 'backend: wasm', values: { N: '256', ms: '0.2' } },
      { case: 'metric: acc', values: { ms: '0.4' } },
    ]);
  });

  it('returns no rows when the text has no table', () => {
    expect(parseMarkdownTables('done in 3 s\n---\n')).toEqual([]);
  });
});
