// Guards shared by the create* functions: every option is checked before a
// variable is allocated, and a failure names the function and the option.
import { CceError, formatShape, formatValue } from '@cce/errors';

export function checkPositiveInteger(
  fn: string,
  argument: string,
  value: unknown,
): number {
  if (!(Number.isSafeInteger(value) && (value as number) >= 1)) {
    throw new CceError({
      fn,
      argument,
      expected: 'an integer >= 1',
      received: formatValue(value),
    });
  }
  return value as number;
}

export function checkSeed(fn: string, value: unknown): number {
  if (!(Number.isSafeInteger(value) && (value as number) >= 0)) {
    throw new CceError({
      fn,
      argument: 'seed',
      expected: 'a safe integer >= 0',
      received: formatValue(value),
    });
  }
  return value as number;
}

/** A shape of positive integers, of the given rank when `rank` is set. */
export function checkShape(
  fn: string,
  argument: string,
  value: unknown,
  rank?: number,
): number[] {
  const ok =
    Array.isArray(value) &&
    value.length >= 1 &&
    (rank === undefined || value.length === rank) &&
    value.every((d) => Number.isSafeInteger(d) && d >= 1);
  if (!ok) {
    const what = rank === 3 ? '[H, W, C]' : 'a non-empty array';
    throw new CceError({
      fn,
      argument,
      expected: `${what} of integers >= 1`,
      received: Array.isArray(value)
        ? formatShape(value.map(Number))
        : formatValue(value),
    });
  }
  return [...(value as number[])];
}

/** The four stage widths of VGG4 / ResNet-18. */
export function checkWidths(
  fn: string,
  value: unknown,
): [number, number, number, number] {
  if (!(Array.isArray(value) && value.length === 4)) {
    throw new CceError({
      fn,
      argument: 'widths',
      expected: 'an array of 4 integers >= 1',
      received: formatValue(value),
    });
  }
  value.forEach((w, i) => {
    checkPositiveInteger(fn, `widths[${i}]`, w);
  });
  return [...value] as [number, number, number, number];
}

export function checkMomentum(fn: string, value: unknown): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (!(ok && (value as number) < 1)) {
    throw new CceError({
      fn,
      argument: 'bnMomentum',
      expected: 'a number in [0, 1)',
      received: formatValue(value),
    });
  }
  return value as number;
}

export function checkEpsilon(fn: string, value: unknown): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw new CceError({
      fn,
      argument: 'bnEpsilon',
      expected: 'a finite number > 0',
      received: formatValue(value),
    });
  }
  return value;
}

export function checkOptionsObject(fn: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CceError({
      fn,
      argument: 'options',
      expected: 'an object { inputShape, numClasses, seed, ... }',
      received: formatValue(value),
    });
  }
}

/** The options every architecture shares, checked and copied. */
export function resolveCommon(
  fn: string,
  options: unknown,
  imageInput: boolean,
): { inputShape: number[]; numClasses: number; seed: number } {
  checkOptionsObject(fn, options);
  const o = options as Record<string, unknown>;
  return {
    inputShape: checkShape(
      fn,
      'inputShape',
      o.inputShape,
      imageInput ? 3 : undefined,
    ),
    numClasses: checkPositiveInteger(fn, 'numClasses', o.numClasses),
    seed: checkSeed(fn, o.seed),
  };
}

/** Batch-norm momentum and epsilon with their defaults (0.9, 1e-5). */
export function resolveBatchNorm(
  fn: string,
  options: { bnMomentum?: unknown; bnEpsilon?: unknown },
): { bnMomentum: number; bnEpsilon: number } {
  return {
    bnMomentum: checkMomentum(fn, options.bnMomentum ?? 0.9),
    bnEpsilon: checkEpsilon(fn, options.bnEpsilon ?? 1e-5),
  };
}
