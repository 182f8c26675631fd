// IDX parsing shared by parseIdx, readIdx and the MNIST loaders; `fn` is the
// public function the caller used, so error messages name it.
import { CceError } from '@cce/errors';
import { at, hex32, isGzip } from './bytes.js';
import type { IdxArray, IdxDtype } from '../readers/parse-idx.js';

const TYPES: Record<number, { dtype: IdxDtype; size: number }> = {
  8: { dtype: 'uint8', size: 1 },
  9: { dtype: 'int8', size: 1 },
  11: { dtype: 'int16', size: 2 },
  12: { dtype: 'int32', size: 4 },
  13: { dtype: 'float32', size: 4 },
  14: { dtype: 'float64', size: 8 },
};

/**
 * Parses uncompressed IDX bytes; errors name `fn` and `name`. With
 * `copy = false`, 1-byte data is returned as a view into `u8`.
 */
export function parseIdxBytes(
  fn: string,
  u8: Uint8Array,
  name: string,
  copy = true,
): IdxArray {
  if (isGzip(u8)) {
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: 'uncompressed IDX data',
      received: 'gzip data (magic 1f 8b)',
      hint: `${at(0, name)}; decompress first (readIdx in Node, DecompressionStream('gzip') in a browser)`,
    });
  }
  const { type, shape, dataOffset } = readIdxHeader(fn, u8, name);
  return {
    data: decodeValues(u8, dataOffset, shape, type, copy),
    shape,
    dtype: type.dtype,
  };
}

/** Validates the header and the total size; returns where the data starts. */
function readIdxHeader(
  fn: string,
  u8: Uint8Array,
  name: string,
): {
  type: { dtype: IdxDtype; size: number };
  shape: number[];
  dataOffset: number;
} {
  if (u8.length < 4) {
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: 'at least the 4-byte IDX magic number',
      received: `${u8.length} bytes`,
      hint: `${at(u8.length, name)}: the file is truncated`,
    });
  }
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const magic = view.getUint32(0, false);
  const type = TYPES[u8[2]!];
  const ndim = u8[3]!;
  if (u8[0] !== 0 || u8[1] !== 0 || type === undefined || ndim === 0) {
    throw new CceError({
      fn,
      argument: 'bytes',
      expected:
        'an IDX magic number 0x0000TTDD (TT a known type, DD >= 1 dimensions)',
      received: hex32(magic),
      hint: `${at(0, name)}: not an IDX file`,
    });
  }
  const dataOffset = 4 + 4 * ndim;
  if (u8.length < dataOffset) {
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: `a ${dataOffset}-byte header for ${ndim} dimensions`,
      received: `${u8.length} bytes`,
      hint: `${at(u8.length, name)}: the file is truncated inside the header`,
    });
  }
  const shape: number[] = [];
  let count = 1;
  for (let i = 0; i < ndim; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    shape.push(d);
    count *= d; // float64: may overflow to Infinity, compared below
  }
  checkDataSize(fn, u8.length, dataOffset, count * type.size, shape, name);
  return { type, shape, dataOffset };
}

function checkDataSize(
  fn: string,
  fileLength: number,
  dataOffset: number,
  needed: number,
  shape: number[],
  name: string,
): void {
  const available = fileLength - dataOffset;
  if (needed === available) return;
  const dims = `[${shape.join(', ')}]`;
  if (needed > available) {
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: `${needed} data bytes for shape ${dims}`,
      received: `${available} bytes after the header`,
      hint: `${at(fileLength, name)}: the file is truncated or the header sizes are wrong`,
    });
  }
  throw new CceError({
    fn,
    argument: 'bytes',
    expected: `exactly ${needed} data bytes for shape ${dims}`,
    received: `${available} bytes after the header (${available - needed} extra)`,
    hint: `${at(dataOffset + needed, name)}: the header sizes do not match the file length`,
  });
}

function decodeValues(
  u8: Uint8Array,
  offset: number,
  shape: number[],
  type: { dtype: IdxDtype; size: number },
  copy: boolean,
): IdxArray['data'] {
  const count = shape.reduce((a, b) => a * b, 1);
  const end = offset + count * type.size;
  if (type.size === 1) {
    const bytes = copy ? u8.slice(offset, end) : u8.subarray(offset, end);
    if (type.dtype === 'uint8') return bytes;
    return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const view = new DataView(
    u8.buffer,
    u8.byteOffset + offset,
    count * type.size,
  );
  switch (type.dtype) {
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, false);
      return out;
    }
    default: {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, false);
      return out;
    }
  }
}
