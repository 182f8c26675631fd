import { describe, expect, it } from 'vitest';
import { OptionsError, parseOptions } from './options.js';

describe('parseOptions', () => {
  it('runs one job at a time unless --jobs says otherwise', () => {
    expect(parseOptions([], '/tmp').jobs).toBe(1);
    expect(parseOptions(['--jobs', '3'], '/tmp').jobs).toBe(3);
  });

  it('names --jobs and the value found when it is not a positive integer', () => {
    for (const value of ['0', '-2', '1.5', 'two']) {
      expect(() => parseOptions([`--jobs=${value}`], '/tmp')).toThrow(
        new OptionsError(`--jobs must be a positive integer, got '${value}'`),
      );
    }
  });
});
