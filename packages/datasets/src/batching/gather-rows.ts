// Copies selected examples (rows along the first axis) of a row-major array
// into a new contiguous array, e.g. one batch or one split.
import { CceError } from '@cce/errors';
import { assertShape, assertTypedArray } from '../internal/validate.js';

/**
 * Gathers rows: `out[i] = x[indices[i]]` along the first axis of `x`
 * (shape `[N, …]`). Works for images `[N, H, W, C]`, features `[N, D]`,
 * soft targets `[N, K]` and labels `[N]` alike.
 *
 * @param x - row-major data of `shape`.
 * @param shape - `[N, …]`; its product must equal `x.length`.
 * @param indices - row ids in [0, N); repeats allowed.
 * @returns `{ data, shape }` with `shape[0] = indices.length`; `data` has
 *   the same typed-array class as `x`.
 * @throws CceError when `shape` does not match `x` or an index is outside
 *   [0, N).
 * @example
 * ```ts
 * const x = new Float32Array([0, 1, 10, 11, 20, 21]); // [3, 2]
 * Array.from(gatherRows(x, [3, 2], new Int32Array([2, 0])).data); // [20, 21, 0, 1]
 * ```
 */
export function gatherRows<T extends Float32Array | Int32Array | Uint8Array>(
  x: T,
  shape: readonly number[],
  indices: Int32Array,
): { data: T; shape: number[] } {
  const fn = 'gatherRows';
  const dims = assertShape(fn, x, shape, 'any', 'rank >= 1');
  assertTypedArray(fn, 'indices', indices, Int32Array);
  const n = dims[0]!;
  const row = n === 0 ? 0 : x.length / n;

  const out = new (x.constructor as new (len: number) => T)(
    indices.length * row,
  );
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i]!;
    if (src < 0 || src >= n) {
      throw new CceError({
        fn,
        argument: 'indices',
        expected: `row ids in [0, ${n})`,
        received: `${src} at position ${i}`,
      });
    }
    out.set(x.subarray(src * row, src * row + row), i * row);
  }
  return { data: out, shape: [indices.length, ...dims.slice(1)] };
}
