// Test helpers: a CceError matcher and small instance builders.
import { isCceError } from '@cce/errors';
import { expect } from 'vitest';

/** Runs a call that must throw a CceError naming `argument`. */
export function expectCceError(call: () => unknown, argument: string): void {
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(isCceError(error), 'expected a CceError').toBe(true);
  expect((error as Error).message).toContain(`'${argument}'`);
  expect((error as Error).message).toContain(' must be ');
  expect((error as Error).message).toContain(', got ');
}

/** |a − b| <= tol · max(|a|, |b|, 1e-300). */
export function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

/**
 * Runs `run` with the global Float64Array constructor replaced by a
 * counting subclass and returns how many it made. Arguments must not be
 * Float64Arrays made inside (they would fail instanceof checks).
 */
export function countFloat64Arrays(run: () => void): number {
  const original = globalThis.Float64Array;
  let made = 0;
  class Counting extends original {
    constructor(...args: ConstructorParameters<typeof original>) {
      super(...args);
      made++;
    }
  }
  globalThis.Float64Array = Counting as typeof Float64Array;
  try {
    run();
  } finally {
    globalThis.Float64Array = original;
  }
  return made;
}
