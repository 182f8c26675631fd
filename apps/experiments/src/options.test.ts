import { describe, expect, it } from 'vitest';
import { OptionsError, parseOptions } from './options.js';

describe('parseOptions', () => {
  it('runs one job at a time unless --jobs says otherwise', () => {
    expect(parseOptions([], '/tmp').jobs).toBe(1);
    expect(parseOptions(['--jobs', '3'], '/tmp').jobs).toBe(3);
  });

  it('takes --runs as a regular expression over run ids', () => {
    expect(parseOptions([], '/tmp').runs).toBeUndefined();
    const runs = parseOptions(['--runs', 'long-.*-eta0\\.8-'], '/tmp').runs!;
    expect(runs.test('long-mnist-collision-eta0.8-seed1')).toBe(true);
    expect(runs.test('long-mnist-collision-eta0.9-seed1')).toBe(false);
    expect(runs.test('short-mnist-collision-eta0.8-seed1')).toBe(false);
  });

  it('names --runs and the pattern found when it is not a regular expression', () => {
    expect(() => parseOptions(['--runs', 'long-(mnist'], '/tmp')).toThrow(
      /^--runs must be a regular expression over run ids, got 'long-\(mnist' \(.+\)$/,
    );
  });

  it('refuses --report-only with --runs, which it would ignore', () => {
    expect(parseOptions(['--report-only'], '/tmp').reportOnly).toBe(true);
    expect(() =>
      parseOptions(['--report-only', '--runs', 'long'], '/tmp'),
    ).toThrow(new OptionsError('--report-only executes no run; drop --runs'));
  });

  it('names --jobs and the value found when it is not a positive integer', () => {
    for (const value of ['0', '-2', '1.5', 'two']) {
      expect(() => parseOptions([`--jobs=${value}`], '/tmp')).toThrow(
        new OptionsError(`--jobs must be a positive integer, got '${value}'`),
      );
    }
  });
});
