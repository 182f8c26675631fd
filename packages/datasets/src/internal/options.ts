// Checks shared by the loaders' options.
import { CceError, formatValue } from '@cce/errors';
import { assertInt } from './validate.js';

/** Checks `split` against the allowed names. */
export function assertSplit<T extends string>(
  fn: string,
  split: unknown,
  allowed: readonly T[],
): asserts split is T {
  if (!allowed.includes(split as T)) {
    throw new CceError({
      fn,
      argument: 'split',
      expected: allowed.map((s) => `'${s}'`).join(' or '),
      received: formatValue(split),
    });
  }
}

/** Checks an optional `limit` (an integer >= 0). */
export function assertLimit(fn: string, limit: unknown): void {
  if (limit !== undefined) assertInt(fn, 'limit', limit, 0);
}
