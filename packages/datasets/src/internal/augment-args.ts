// Checks shared by the augmentations: the NHWC batch shape and range options.
import { CceError, formatValue } from '@cce/errors';
import { assertShape, assertTypedArray } from './validate.js';

/** Checks an NHWC batch; returns [N, H, W, C]. */
export function checkBatch(
  fn: string,
  images: unknown,
  shape: unknown,
): [number, number, number, number] {
  assertTypedArray(fn, 'images', images, Float32Array);
  return assertShape(fn, images, shape, 4, 'rank 4 [N, H, W, C]') as [
    number,
    number,
    number,
    number,
  ];
}

/**
 * Normalises a range option: a number r >= 0 means [−r, r] (or
 * [1 − r, 1 + r] when `around1`), a pair [lo, hi] with lo <= hi is kept.
 */
export function checkRange(
  fn: string,
  argument: string,
  value: unknown,
  around1 = false,
): [number, number] {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return around1 ? [Math.max(0, 1 - value), 1 + value] : [-value, value];
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    value[0] <= value[1]
  ) {
    return [value[0], value[1]];
  }
  throw new CceError({
    fn,
    argument,
    expected: 'a finite number >= 0 or a pair [lo, hi] with lo <= hi',
    received: Array.isArray(value) ? JSON.stringify(value) : formatValue(value),
  });
}

/** A uniform draw from [lo, hi] (exactly lo when lo === hi). */
export function uniform(
  rng: { next(): number },
  range: [number, number],
): number {
  return range[0] === range[1]
    ? range[0]
    : range[0] + (range[1] - range[0]) * rng.next();
}
