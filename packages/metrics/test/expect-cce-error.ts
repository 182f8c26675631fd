// Test helper: runs a call that must fail with a CceError naming `argument`.

import { isCceError } from '@cce/errors';
import { expect } from 'vitest';

export function expectCceError(call: () => unknown, argument: string): void {
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(isCceError(error), 'expected a CceError').toBe(true);
  expect((error as Error).message).toContain(`'${argument}'`);
}
