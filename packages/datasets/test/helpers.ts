// Test helpers: assert a CceError that names the argument (and optional
// fragments such as a file name or byte offset), and fixture paths.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CceError, isCceError } from '@cce/errors';
import { expect } from 'vitest';

/** Runs `f`, expects a CceError naming `argument` and every fragment. */
export function expectCceError(
  f: () => unknown,
  argument: string,
  ...fragments: string[]
): CceError {
  let caught: unknown;
  try {
    f();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a CceError to be thrown').toBeDefined();
  expect(isCceError(caught), String(caught)).toBe(true);
  const err = caught as CceError;
  expect(err.argument).toBe(argument);
  expect(err.message).toContain(`'${argument}'`);
  for (const fragment of fragments) expect(err.message).toContain(fragment);
  return err;
}

export const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  'fixtures',
);

/** Bytes of a fixture file. */
export function fixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}

/** Parsed expected.json written by make_fixtures.py. */
export function expectedJson(): {
  npy: Record<string, { shape: number[]; fortran: boolean; values: number[] }>;
  cifar10: { labels: number[]; probes: number[][]; sum: number };
  cifar100: {
    coarse: number[];
    fine: number[];
    probes: number[][];
    sum: number;
  };
  stl10: { labels: number[]; probes: number[][]; sum: number };
} {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
}

/** Value at (n, y, x, c) of an NHWC array. */
export function nhwc(
  data: Float32Array,
  shape: readonly number[],
  n: number,
  y: number,
  x: number,
  c: number,
): number {
  const [, h, w, ch] = shape as [number, number, number, number];
  return data[((n * h + y) * w + x) * ch + c]!;
}
