// Argument checks shared by the metrics: label arrays, lengths, options.
// Every failure is a CceError that names the function and the argument.

import { CceError, formatValue } from '@cce/errors';
import type { AverageMethod, LabelArray } from '../types.js';

// LIMITATION(L-004): ids above 2^31 − 1 are rejected; ids are returned as
// Int32Arrays.
/** Largest accepted label id: ids must fit an Int32Array. */
export const MAX_LABEL = 2147483647;

const LABEL_RULE = `non-negative integer labels <= ${MAX_LABEL}`;

function isLabelContainer(labels: unknown): labels is LabelArray {
  return (
    Array.isArray(labels) ||
    labels instanceof Int32Array ||
    labels instanceof Uint8Array ||
    labels instanceof Uint16Array ||
    labels instanceof Uint32Array
  );
}

/**
 * Checks that `labels` is a non-empty label array of valid ids and returns
 * the largest id. O(N), no allocation.
 */
export function checkLabels(
  fn: string,
  argument: string,
  labels: unknown,
): number {
  if (!isLabelContainer(labels)) {
    throw new CceError({
      fn,
      argument,
      expected:
        'an Int32Array, Uint8Array, Uint16Array, Uint32Array or number[]',
      received: formatValue(labels),
    });
  }
  if (labels.length === 0) {
    throw new CceError({
      fn,
      argument,
      expected: 'a non-empty label array',
      received: 'an empty array',
    });
  }
  let max = 0;
  if (labels instanceof Int32Array) {
    for (let i = 0; i < labels.length; i++) {
      const x = labels[i]!;
      if (x < 0) throw badLabel(fn, argument, x, i);
      if (x > max) max = x;
    }
  } else if (Array.isArray(labels)) {
    for (let i = 0; i < labels.length; i++) {
      const x = labels[i];
      if (!Number.isInteger(x) || x < 0 || x > MAX_LABEL) {
        throw badLabel(fn, argument, x, i);
      }
      if (x > max) max = x;
    }
  } else {
    for (let i = 0; i < labels.length; i++) {
      const x = labels[i]!;
      if (x > MAX_LABEL) throw badLabel(fn, argument, x, i);
      if (x > max) max = x;
    }
  }
  return max;
}

function badLabel(
  fn: string,
  argument: string,
  value: unknown,
  index: number,
): CceError {
  return new CceError({
    fn,
    argument,
    expected: LABEL_RULE,
    received: formatValue(value),
    hint: `At index ${index}`,
  });
}

/** Checks that `labelsPred` has the length of `labelsTrue`. */
export function checkSameLength(
  fn: string,
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): void {
  if (labelsPred.length !== labelsTrue.length) {
    throw new CceError({
      fn,
      argument: 'labelsPred',
      expected: `the length of 'labelsTrue' (${labelsTrue.length})`,
      received: `length ${labelsPred.length}`,
    });
  }
}

const AVERAGE_METHODS: readonly AverageMethod[] = [
  'arithmetic',
  'geometric',
  'min',
  'max',
];

/** Reads `options.averageMethod`, defaulting to `'arithmetic'`. */
export function checkAverageMethod(
  fn: string,
  options: { averageMethod?: AverageMethod } | undefined,
): AverageMethod {
  if (
    options !== undefined &&
    (options === null || typeof options !== 'object')
  ) {
    throw new CceError({
      fn,
      argument: 'options',
      expected: 'an object or undefined',
      received: formatValue(options),
    });
  }
  const method = options?.averageMethod ?? 'arithmetic';
  if (!AVERAGE_METHODS.includes(method)) {
    throw new CceError({
      fn,
      argument: 'options.averageMethod',
      expected: "one of 'arithmetic', 'geometric', 'min', 'max'",
      received: formatValue(method),
    });
  }
  return method;
}

/** Checks an integer count argument such as `numClasses` or `k`. */
export function checkInteger(
  fn: string,
  argument: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new CceError({
      fn,
      argument,
      expected: `an integer in [${min}, ${max}]`,
      received: formatValue(value),
    });
  }
  return value;
}
