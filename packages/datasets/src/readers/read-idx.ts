// IDX reader for Node: accepts raw or gzip-compressed bytes (detected by the
// magic 1f 8b) and decompresses with node:zlib before parsing.
import { gunzipSync } from 'node:zlib';
import { CceError } from '@cce/errors';
import { asBytes, at, type ByteSource, isGzip } from '../internal/bytes.js';
import { parseIdxBytes } from '../internal/idx.js';
import { assertInt } from '../internal/validate.js';
import type { IdxArray, IdxOptions } from './parse-idx.js';

/** Options of {@link readIdx}. */
export interface ReadIdxOptions extends IdxOptions {
  /**
   * Largest decompressed size accepted for gzip input, in bytes; default
   * 1 GiB. Guards against a corrupt or hostile gzip stream.
   */
  maxDecompressedBytes?: number;
}

/** Default cap on decompressed gzip input: 1 GiB. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;

/**
 * Reads IDX bytes, raw or gzip-compressed (`*-ubyte.gz`), into a typed
 * array and its shape. Node only (uses node:zlib); in a browser decompress
 * with `DecompressionStream('gzip')` and call {@link parseIdx}.
 *
 * @param bytes - the file content, compressed or not.
 * @param options - `name` for error messages, `maxDecompressedBytes`.
 * @returns `{ data, shape, dtype }` as {@link parseIdx}.
 * @throws CceError on a corrupt gzip stream, a stream that inflates beyond
 *   `maxDecompressedBytes`, or any error {@link parseIdx} reports; messages
 *   name the file and the byte offset.
 * @example
 * ```ts
 * import { gzipSync } from 'node:zlib';
 * const raw = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
 * readIdx(gzipSync(raw)).data; // Uint8Array [7, 9]
 * ```
 */
export function readIdx(
  bytes: ByteSource,
  options: ReadIdxOptions = {},
): IdxArray {
  const fn = 'readIdx';
  const u8 = asBytes(fn, bytes);
  const name = options.name ?? 'IDX data';
  const max = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  assertInt(fn, 'options.maxDecompressedBytes', max, 1);

  // LIMITATION(L-005): whole-buffer parsing, no streaming: the file (and its
  // inflated copy) must fit in memory; fine for MNIST-sized data.
  const raw = isGzip(u8) ? gunzipBounded(fn, u8, name, max) : u8;
  return parseIdxBytes(fn, raw, name);
}

/** gunzip with an output cap; zlib failures become CceErrors. */
export function gunzipBounded(
  fn: string,
  u8: Uint8Array,
  name: string,
  max: number,
): Uint8Array {
  try {
    const out = gunzipSync(u8, { maxOutputLength: max });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    const tooLarge =
      error instanceof RangeError ||
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: tooLarge
        ? `gzip data that inflates to at most ${max} bytes`
        : 'a valid gzip stream',
      received: tooLarge
        ? 'a larger stream'
        : `a zlib error (${(error as Error).message})`,
      hint: `${at(0, name)} (gzip)`,
    });
  }
}
