// Argument guards shared by the public functions of @cce/datasets. Each
// throws a CceError that names the function and the argument at fault.
import { CceError, formatShape, formatValue } from '@cce/errors';

/** Throws unless `value` is an integer in [min, max]. */
export function assertInt(
  fn: string,
  argument: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? `an integer >= ${min}`
        : `an integer in [${min}, ${max}]`;
    throw new CceError({
      fn,
      argument,
      expected: range,
      received: formatValue(value),
    });
  }
}

/** Throws unless `value` is a finite number in [min, max]. */
export function assertNumber(
  fn: string,
  argument: string,
  value: unknown,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max
  ) {
    let expected = 'a finite number';
    if (min > Number.NEGATIVE_INFINITY && max < Number.POSITIVE_INFINITY) {
      expected = `a finite number in [${min}, ${max}]`;
    } else if (min > Number.NEGATIVE_INFINITY) {
      expected = `a finite number >= ${min}`;
    } else if (max < Number.POSITIVE_INFINITY) {
      expected = `a finite number <= ${max}`;
    }
    throw new CceError({
      fn,
      argument,
      expected,
      received: formatValue(value),
    });
  }
}

/** Throws unless `value` is a finite number strictly greater than `min`. */
export function assertGreater(
  fn: string,
  argument: string,
  value: unknown,
  min: number,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= min) {
    throw new CceError({
      fn,
      argument,
      expected: `a finite number > ${min}`,
      received: formatValue(value),
    });
  }
}

/** Throws unless `value` is an instance of the given typed-array class. */
export function assertTypedArray<T extends ArrayBufferView>(
  fn: string,
  argument: string,
  value: unknown,
  ctor: abstract new (...args: never[]) => T,
): asserts value is T {
  if (!(value instanceof ctor)) {
    throw new CceError({
      fn,
      argument,
      expected: `${/^I/.test(ctor.name) ? 'an' : 'a'} ${ctor.name}`,
      received: formatValue(value),
    });
  }
}

/**
 * Checks that `shape` is a list of non-negative integers of the given rank
 * whose product is `x.length`; returns the shape as a fresh array.
 */
export function assertShape(
  fn: string,
  x: { length: number },
  shape: unknown,
  rank: number | 'any',
  rankText = `rank ${rank}`,
): number[] {
  const ok =
    Array.isArray(shape) &&
    (rank === 'any' ? shape.length >= 1 : shape.length === rank) &&
    shape.every((d) => Number.isInteger(d) && d >= 0);
  if (!ok) {
    throw new CceError({
      fn,
      argument: 'shape',
      expected: `an array of non-negative integers of ${rankText}`,
      received: Array.isArray(shape)
        ? formatShape(shape as number[])
        : formatValue(shape),
    });
  }
  const dims = shape as number[];
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== x.length) {
    throw new CceError({
      fn,
      argument: 'shape',
      expected: `a shape whose product equals the data length ${x.length}`,
      received: `${formatShape(dims)} (product ${size})`,
    });
  }
  return dims.slice();
}

/**
 * Checks integer class labels: an Int32Array whose entries lie in
 * [0, numClasses).
 */
export function assertLabels(
  fn: string,
  argument: string,
  labels: unknown,
  numClasses: number,
): asserts labels is Int32Array {
  assertTypedArray(fn, argument, labels, Int32Array);
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!;
    if (t < 0 || t >= numClasses) {
      throw new CceError({
        fn,
        argument,
        expected: `class ids in [0, ${numClasses})`,
        received: `${t} at index ${i}`,
      });
    }
  }
}
