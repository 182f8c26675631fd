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
