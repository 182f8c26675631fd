// Conversions from parsed arrays to the FeatureDataset shape used by the
// trainer: [N, D] float32 with every value finite, labels as class ids.
import { CceError } from '@cce/errors';
import type { NpyArray } from '../readers/parse-npy.js';

/** Flattens an npy array to [N, D] float32; rank 1 becomes [N, 1]. */
export function npyToMatrix(
  fn: string,
  array: NpyArray,
  name: string,
): { features: Float32Array; shape: [number, number] } {
  if (array.shape.length === 0) {
    throw new CceError({
      fn,
      argument: 'features',
      expected: 'an array of rank >= 1 ([N] or [N, D, ...])',
      received: 'a 0-d array',
      hint: `In ${name}`,
    });
  }
  const n = array.shape[0]!;
  const d = n === 0 ? 0 : array.data.length / n;
  const features =
    array.data instanceof Float32Array
      ? array.data
      : Float32Array.from(array.data);
  assertFiniteRows(fn, features, d, name, 0);
  return { features, shape: [n, d] };
}

/**
 * Throws a CceError naming the row (0-based + `rowBase`) and column of the
 * first non-finite value. A float64 value beyond the float32 range becomes
 * ±Infinity on conversion and is reported too.
 */
export function assertFiniteRows(
  fn: string,
  features: Float32Array,
  d: number,
  name: string,
  rowBase: number,
): void {
  for (let i = 0; i < features.length; i++) {
    const v = features[i]!;
    if (v - v !== 0) {
      const row = Math.floor(i / d);
      throw new CceError({
        fn,
        argument: 'features',
        expected: 'finite numbers',
        received: `${v} at row ${row + rowBase}, column ${i - row * d}`,
        hint: `In ${name}`,
      });
    }
  }
}

/** Converts label values (integers >= 0) to an Int32Array. */
export function toClassIds(
  fn: string,
  values: ArrayLike<number>,
  name: string,
): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0 || v > 2147483647) {
      throw new CceError({
        fn,
        argument: 'labels',
        expected: 'integer class ids >= 0',
        received: `${v} at row ${i}`,
        hint: `In ${name}`,
      });
    }
    out[i] = v;
  }
  return out;
}
