// Input guards shared by the losses: shape, rank and dtype checks (always,
// they are free) and value checks that read data back (with `validate`).
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { CceError, formatShape, formatValue } from '@cce/errors';
import { SIMPLEX_TOLERANCE } from '../constants.js';
import type { Reduction } from '../types.js';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/** True for anything that looks like a tfjs tensor (across copies). */
function isTensor(value: unknown): value is Tensor {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Tensor).shape) &&
    typeof (value as Tensor).dtype === 'string' &&
    typeof (value as Tensor).dataSync === 'function'
  );
}

/** Describes a received value for a message: its shape when a tensor. */
function describe(value: unknown): string {
  return isTensor(value) ? formatShape(value.shape) : formatValue(value);
}

/** Checks a float32 `[N, K]` tensor with N >= 1 and K >= 1. */
export function checkMatrix(
  fn: string,
  argument: string,
  value: unknown,
): asserts value is Tensor2D {
  if (!isTensor(value) || value.rank !== 2) {
    throw new CceError({
      fn,
      argument,
      expected: 'a rank-2 tensor [N, K]',
      received: describe(value),
    });
  }
  if (value.dtype !== 'float32') {
    throw new CceError({
      fn,
      argument,
      expected: 'a float32 tensor',
      received: `dtype ${value.dtype}`,
    });
  }
  if (value.shape[0] === 0 || value.shape[1] === 0) {
    throw new CceError({
      fn,
      argument,
      expected: '[N, K] with N >= 1 and K >= 1',
      received: formatShape(value.shape),
    });
  }
}

/** Checks `targets` against `logits`: both float32 `[N, K]`, same shape. */
export function checkPair(
  fn: string,
  targets: unknown,
  logits: unknown,
): asserts targets is Tensor2D {
  checkMatrix(fn, 'logits', logits);
  if (
    !isTensor(targets) ||
    targets.rank !== 2 ||
    targets.shape[0] !== logits.shape[0] ||
    targets.shape[1] !== logits.shape[1]
  ) {
    throw new CceError({
      fn,
      argument: 'targets',
      expected: `[N, K] like 'logits' ${formatShape(logits.shape)}`,
      received: describe(targets),
    });
  }
  checkMatrix(fn, 'targets', targets);
}

/** Checks `reduction` is one of the three names. */
export function checkReduction(fn: string, reduction: unknown): void {
  if (!REDUCTIONS.includes(reduction as Reduction)) {
    throw new CceError({
      fn,
      argument: 'options.reduction',
      expected: `one of ${REDUCTIONS.map((r) => `'${r}'`).join(', ')}`,
      received: formatValue(reduction),
    });
  }
}

/** Checks optional `weights` is a float32 `[N]` tensor. */
export function checkWeightsShape(
  fn: string,
  weights: unknown,
  n: number,
): asserts weights is Tensor1D | undefined {
  if (weights === undefined) return;
  if (!isTensor(weights) || weights.rank !== 1 || weights.shape[0] !== n) {
    throw new CceError({
      fn,
      argument: 'options.weights',
      expected: `a tensor [N] with N = ${n} (one weight per example)`,
      received: describe(weights),
    });
  }
  if (weights.dtype !== 'float32') {
    throw new CceError({
      fn,
      argument: 'options.weights',
      expected: 'a float32 tensor',
      received: `dtype ${weights.dtype}`,
    });
  }
}

/** Checks a numeric option lies in a range; `range` reads like `(0, 1]`. */
export function checkNumber(
  fn: string,
  argument: string,
  value: unknown,
  ok: (x: number) => boolean,
  expected: string,
): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new CceError({
      fn,
      argument,
      expected,
      received: formatValue(value),
    });
  }
}

/** Checks an optional boolean flag. */
export function checkFlag(fn: string, argument: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new CceError({
      fn,
      argument,
      expected: 'a boolean',
      received: formatValue(value),
    });
  }
}

/** Reads a matrix back and throws at its first non-finite entry. */
export function checkFinite(fn: string, argument: string, x: Tensor2D): void {
  const [n, k] = x.shape;
  const data = x.dataSync();
  for (let i = 0; i < n * k; i += 1) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) {
      throw new CceError({
        fn,
        argument,
        expected: 'finite everywhere',
        received: `${formatValue(v)} at [${Math.floor(i / k)}, ${i % k}]`,
      });
    }
  }
}

/**
 * Reads probability rows back: finite, >= 0, not all zero and, unless
 * `normalize`, summing to 1 within {@link SIMPLEX_TOLERANCE}.
 */
export function checkSimplexRows(
  fn: string,
  argument: string,
  x: Tensor2D,
  normalize: boolean,
): void {
  checkFinite(fn, argument, x);
  const [n, k] = x.shape;
  const data = x.dataSync();
  for (let i = 0; i < n; i += 1) {
    let sum = 0;
    for (let j = 0; j < k; j += 1) {
      const v = data[i * k + j] as number;
      if (v < 0) {
        throw new CceError({
          fn,
          argument,
          expected: 'entries >= 0',
          received: `${v} at [${i}, ${j}]`,
        });
      }
      sum += v;
    }
    if (sum === 0) {
      throw new CceError({
        fn,
        argument,
        expected: 'rows with a positive sum',
        received: `an all-zero row ${i}`,
      });
    }
    if (!normalize && Math.abs(sum - 1) > SIMPLEX_TOLERANCE) {
      throw new CceError({
        fn,
        argument,
        expected: `rows summing to 1 within ${SIMPLEX_TOLERANCE}`,
        received: `row ${i} summing to ${sum}`,
        hint: 'Pass normalize: true to rescale rows',
      });
    }
  }
}

/** Reads weights back: finite, >= 0 and not all zero. */
export function checkWeightValues(fn: string, weights: Tensor1D): void {
  const data = weights.dataSync();
  let sum = 0;
  for (let i = 0; i < data.length; i += 1) {
    const v = data[i] as number;
    if (!Number.isFinite(v) || v < 0) {
      throw new CceError({
        fn,
        argument: 'options.weights',
        expected: 'finite entries >= 0',
        received: `${formatValue(v)} at [${i}]`,
      });
    }
    sum += v;
  }
  if (sum === 0) {
    throw new CceError({
      fn,
      argument: 'options.weights',
      expected: 'weights with a positive sum',
      received: 'all zeros',
    });
  }
}
