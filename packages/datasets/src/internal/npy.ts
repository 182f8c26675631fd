// .npy header parsing, size checks, decoding and Fortran → C reordering,
// shared by parseNpy and the feature loaders.
import { CceError } from '@cce/errors';
import { at } from './bytes.js';
import type { NpyDtype } from '../readers/parse-npy.js';

export interface NpyType {
  dtype: NpyDtype;
  size: number;
}

// LIMITATION(L-006): only u1, i4, i8, f4 and f8; no float16, bool, small
// integers, complex or structured dtypes.
/** Supported type codes (descr without its byte-order character). */
export const NPY_DTYPES: Record<string, NpyType | undefined> = {
  u1: { dtype: 'uint8', size: 1 },
  i4: { dtype: 'int32', size: 4 },
  i8: { dtype: 'int64', size: 8 },
  f4: { dtype: 'float32', size: 4 },
  f8: { dtype: 'float64', size: 8 },
};

export interface NpyHeader {
  descr: string;
  /** descr without its byte-order character, e.g. `f4`. */
  code: string;
  littleEndian: boolean;
  fortranOrder: boolean;
  shape: number[];
  /** Offset of the header text. */
  headerOffset: number;
  /** Offset of the first data byte. */
  dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Reads and checks the preamble and the header dict. */
export function parseNpyHeader(
  fn: string,
  u8: Uint8Array,
  name: string,
): NpyHeader {
  const fail = (expected: string, received: string, offset: number) =>
    new CceError({
      fn,
      argument: 'bytes',
      expected,
      received,
      hint: at(offset, name),
    });
  if (u8.length < 10 || MAGIC.some((b, i) => u8[i] !== b)) {
    const got = Array.from(u8.subarray(0, 6), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join(' ');
    throw fail(
      'the .npy magic 93 4e 55 4d 50 59 (\\x93NUMPY)',
      got || 'an empty file',
      0,
    );
  }
  const major = u8[6]!;
  if (major < 1 || major > 3) {
    throw fail('format version 1, 2 or 3', `version ${major}.${u8[7]}`, 6);
  }
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (u8.length < 8 + lengthBytes) {
    throw fail('a header length field', `${u8.length} bytes`, u8.length);
  }
  const headerLength =
    major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerOffset = 8 + lengthBytes;
  const dataOffset = headerOffset + headerLength;
  if (dataOffset > u8.length) {
    throw fail(
      `a ${headerLength}-byte header within the file`,
      `${u8.length - headerOffset} bytes left`,
      u8.length,
    );
  }
  let text = '';
  for (let i = headerOffset; i < dataOffset; i++) {
    text += String.fromCharCode(u8[i]!);
  }
  const dict = parseHeaderDict(text);
  if (typeof dict === 'string') {
    throw fail(
      "a header dict with 'descr', 'fortran_order' and 'shape'",
      dict,
      headerOffset,
    );
  }
  return { ...dict, headerOffset, dataOffset };
}

/** Extracts the three keys, or returns a description of what is wrong. */
function parseHeaderDict(
  text: string,
): Omit<NpyHeader, 'headerOffset' | 'dataOffset'> | string {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined)
    return "no string 'descr' (structured dtypes are not supported)";
  if (fortran === undefined) return "no 'fortran_order' True/False";
  if (shapeText === undefined) return "no 'shape' tuple";
  const parts = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (!parts.every((s) => /^\d+L?$/.test(s))) {
    return `shape (${shapeText})`;
  }
  const order = descr[0];
  const hasOrder =
    order === '<' || order === '>' || order === '|' || order === '=';
  return {
    descr,
    code: hasOrder ? descr.slice(1) : descr,
    littleEndian: order !== '>',
    fortranOrder: fortran === 'True',
    shape: parts.map((s) => Number.parseInt(s, 10)),
  };
}

/** Checks the data length, decodes and reorders to C order. */
export function decodeNpyData(
  fn: string,
  u8: Uint8Array,
  name: string,
  header: NpyHeader,
  type: NpyType,
): Uint8Array | Int32Array | Float32Array | Float64Array {
  let count = 1;
  for (const d of header.shape) count *= d;
  const needed = count * type.size;
  const available = u8.length - header.dataOffset;
  if (needed !== available) {
    const short = needed > available;
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: `${needed} data bytes for ${type.dtype} shape [${header.shape.join(', ')}]`,
      received: `${available} bytes after the header`,
      hint: `${at(short ? u8.length : header.dataOffset + needed, name)}: ${short ? 'the file is truncated or the shape is wrong' : 'trailing bytes after the data'}`,
    });
  }
  const flat = decodeFlat(fn, u8, name, header, type, count);
  return header.fortranOrder && header.shape.length > 1
    ? fortranToC(flat, header.shape)
    : flat;
}

function decodeFlat(
  fn: string,
  u8: Uint8Array,
  name: string,
  header: NpyHeader,
  type: NpyType,
  count: number,
): Uint8Array | Int32Array | Float32Array | Float64Array {
  const start = header.dataOffset;
  if (type.dtype === 'uint8') return u8.slice(start, start + count);
  const view = new DataView(
    u8.buffer,
    u8.byteOffset + start,
    count * type.size,
  );
  const le = header.littleEndian;
  if (type.dtype === 'float32') {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, le);
    return out;
  }
  if (type.dtype === 'float64') {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, le);
    return out;
  }
  const out = new Int32Array(count);
  if (type.dtype === 'int32') {
    for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, le);
    return out;
  }
  for (let i = 0; i < count; i++) {
    const v = view.getBigInt64(8 * i, le);
    if (v < -2147483648n || v > 2147483647n) {
      throw new CceError({
        fn,
        argument: 'bytes',
        expected: 'int64 values within the int32 range',
        received: `${v}`,
        hint: at(start + 8 * i, name),
      });
    }
    out[i] = Number(v);
  }
  return out;
}

/** Reorders column-major data of the given shape to row-major. */
function fortranToC<
  T extends Uint8Array | Int32Array | Float32Array | Float64Array,
>(src: T, shape: number[]): T {
  const out = new (src.constructor as new (n: number) => T)(src.length);
  const rank = shape.length;
  // Fortran strides: the first index moves fastest.
  const strides = new Array<number>(rank);
  let s = 1;
  for (let k = 0; k < rank; k++) {
    strides[k] = s;
    s *= shape[k]!;
  }
  const index = new Array<number>(rank).fill(0);
  let f = 0;
  for (let c = 0; c < src.length; c++) {
    out[c] = src[f]!;
    // Odometer over C order: the last index moves fastest.
    for (let k = rank - 1; k >= 0; k--) {
      index[k]!++;
      f += strides[k]!;
      if (index[k]! < shape[k]!) break;
      f -= strides[k]! * shape[k]!;
      index[k] = 0;
    }
  }
  return out;
}
