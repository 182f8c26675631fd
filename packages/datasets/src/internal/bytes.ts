// Byte-level helpers for the binary readers: accept Uint8Array (including
// Node Buffers) or ArrayBuffer, and format offsets and magic numbers.
import { CceError, formatValue } from '@cce/errors';

/** Bytes as accepted by every parser of this package. */
export type ByteSource = Uint8Array | ArrayBuffer;

/**
 * Returns a plain Uint8Array view of `bytes`, or throws naming `fn`. A Node
 * Buffer is re-wrapped because `Buffer#slice` returns a view, not a copy.
 */
export function asBytes(fn: string, bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) {
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new CceError({
    fn,
    argument: 'bytes',
    expected: 'a Uint8Array (or Buffer) or an ArrayBuffer',
    received: formatValue(bytes),
  });
}

/** `0x00000803`-style hex of an unsigned 32-bit value. */
export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

/** The location phrase used in every file error: `At byte offset 8 of f`. */
export function at(offset: number, name: string): string {
  return `At byte offset ${offset} of ${name}`;
}

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
