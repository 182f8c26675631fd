// Parser for NumPy's .npy format (versions 1.0, 2.0 and 3.0) for the dtypes
// feature and label files use; always returns row-major (C-order) data.
import { CceError } from '@cce/errors';
import { asBytes, at, type ByteSource } from '../internal/bytes.js';
import { decodeNpyData, NPY_DTYPES, parseNpyHeader } from '../internal/npy.js';

/** Element types {@link parseNpy} supports. */
export type NpyDtype = 'uint8' | 'int32' | 'int64' | 'float32' | 'float64';

/** A parsed .npy array, always in row-major (C) order. */
export interface NpyArray {
  /**
   * The values. int64 files give an Int32Array (every value is checked to
   * fit); the others give the matching typed array.
   */
  data: Uint8Array | Int32Array | Float32Array | Float64Array;
  /** Dimensions, outermost first; `[]` for a 0-d array (one value). */
  shape: number[];
  /** The element type of the file. */
  dtype: NpyDtype;
  /** Whether the file stored the data in Fortran (column-major) order. */
  fortranOrder: boolean;
}

/** Options of {@link parseNpy}. */
export interface NpyOptions {
  /** File name used in error messages; default `'.npy data'`. */
  name?: string;
}

/**
 * Parses a NumPy `.npy` file: the magic `\x93NUMPY`, a version, a header
 * dict (`descr`, `fortran_order`, `shape`), then the raw values.
 *
 * Supported `descr`: `u1`, `i4`, `i8`, `f4`, `f8`, little- or big-endian
 * (`<`, `>`, `|`; `=` is read as little-endian). Fortran-order data is
 * transposed so the result is always row-major. The data must be exactly
 * as long as the shape says; the size is checked before any allocation.
 *
 * We parse ourselves rather than with npyjs 1.2, which ignores Fortran
 * order, rejects big-endian files, and does not check the data length
 * against the shape (a truncated file gives a short array or a RangeError).
 *
 * @param bytes - the file content.
 * @param options - `name` for error messages.
 * @returns `{ data, shape, dtype, fortranOrder }` with C-order `data`.
 * @throws CceError on a wrong magic number, an unknown version, a header
 *   that is malformed or longer than the file, an unsupported dtype, a data
 *   length that does not match the shape, or an int64 value outside the
 *   int32 range; messages name the file and the byte offset.
 * @example
 * ```ts
 * // bytes of np.save(f, np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4', order='F'))
 * const { data, shape } = parseNpy(bytes);
 * shape; // [2, 3]
 * Array.from(data); // [1, 2, 3, 4, 5, 6]
 * ```
 */
export function parseNpy(
  bytes: ByteSource,
  options: NpyOptions = {},
): NpyArray {
  const fn = 'parseNpy';
  const u8 = asBytes(fn, bytes);
  const name = options.name ?? '.npy data';
  const header = parseNpyHeader(fn, u8, name);

  const type = NPY_DTYPES[header.code];
  if (type === undefined) {
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: "a descr of u1, i4, i8, f4 or f8 ('<', '>', '|' or '=')",
      received: `'${header.descr}'`,
      hint: `${at(header.headerOffset, name)}: unsupported dtype`,
    });
  }
  const data = decodeNpyData(fn, u8, name, header, type);
  return {
    data,
    shape: header.shape,
    dtype: type.dtype,
    fortranOrder: header.fortranOrder,
  };
}
