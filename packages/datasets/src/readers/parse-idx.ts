// Parser for the IDX format of MNIST and Fashion-MNIST (LeCun et al.), in
// plain JavaScript with no Node API, so a browser can use it as well.
import { asBytes, type ByteSource } from '../internal/bytes.js';
import { parseIdxBytes } from '../internal/idx.js';

/** Element types of the IDX format, by their type byte. */
export type IdxDtype =
  | 'uint8'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'float32'
  | 'float64';

/** A parsed IDX array in row-major (C) order. */
export interface IdxArray {
  /** The values; big-endian file values are converted to native numbers. */
  data:
    | Uint8Array
    | Int8Array
    | Int16Array
    | Int32Array
    | Float32Array
    | Float64Array;
  /** Dimensions as stored in the header, outermost first. */
  shape: number[];
  dtype: IdxDtype;
}

/** Options of {@link parseIdx} and `readIdx`. */
export interface IdxOptions {
  /** File name used in error messages; default `'IDX data'`. */
  name?: string;
}

/**
 * Parses IDX bytes (uncompressed) into a typed array and its shape.
 *
 * Layout: bytes 0–1 are zero, byte 2 is the type (0x08 uint8, 0x09 int8,
 * 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), byte 3 the number of
 * dimensions d >= 1; then d big-endian uint32 sizes; then the values,
 * big-endian, row-major. The file must hold exactly the values the header
 * announces. Sizes are checked against the byte count before anything is
 * allocated, so a corrupt header can never cause a huge allocation.
 *
 * For gzip-compressed bytes use `readIdx` in Node, or decompress first with
 * `DecompressionStream('gzip')` in a browser.
 *
 * @param bytes - the file content.
 * @param options - `name` for error messages.
 * @returns `{ data, shape, dtype }`; `data` is a fresh copy.
 * @throws CceError on gzip input, a wrong magic number, an unknown type
 *   byte, a header longer than the file, or a value count that does not
 *   match the byte count; the message names the file and the byte offset.
 * @example
 * ```ts
 * const bytes = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
 * parseIdx(bytes); // { data: Uint8Array [7, 9], shape: [2], dtype: 'uint8' }
 * ```
 */
export function parseIdx(
  bytes: ByteSource,
  options: IdxOptions = {},
): IdxArray {
  const u8 = asBytes('parseIdx', bytes);
  return parseIdxBytes('parseIdx', u8, options.name ?? 'IDX data');
}
