import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { parseIdx } from './parse-idx.js';

/** IDX bytes: magic, big-endian dims, then `body` as given. */
function idx(type: number, dims: number[], body: number[]): Uint8Array {
  const header = [0, 0, type, dims.length];
  for (const d of dims)
    header.push((d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255);
  return new Uint8Array([...header, ...body]);
}

describe('parseIdx', () => {
  it('parses the documented 2-byte example', () => {
    const r = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]));
    expect(r.shape).toEqual([2]);
    expect(r.dtype).toBe('uint8');
    expect(r.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(r.data)).toEqual([7, 9]);
  });

  it('reads a rank-3 uint8 array row-major when given a 2x2x3 file', () => {
    const body = Array.from({ length: 12 }, (_, i) => i * 10);
    const r = parseIdx(idx(0x08, [2, 2, 3], body));
    expect(r.shape).toEqual([2, 2, 3]);
    expect(Array.from(r.data)).toEqual(body);
  });

  it('decodes big-endian values of every type when the bytes are written by hand', () => {
    // int8: 0xff = -1, 0x80 = -128.
    expect(Array.from(parseIdx(idx(0x09, [2], [0xff, 0x80])).data)).toEqual([
      -1, -128,
    ]);
    // int16: 0x0102 = 258, 0xfffe = -2.
    expect(
      Array.from(parseIdx(idx(0x0b, [2], [1, 2, 0xff, 0xfe])).data),
    ).toEqual([258, -2]);
    // int32: 0x01020304 = 16909060, 0xffffffff = -1.
    const i32 = parseIdx(idx(0x0c, [2], [1, 2, 3, 4, 255, 255, 255, 255]));
    expect(Array.from(i32.data)).toEqual([16909060, -1]);
    // float32: 0x3fc00000 = 1.5, 0xc0200000 = -2.5.
    const f32 = parseIdx(idx(0x0d, [2], [0x3f, 0xc0, 0, 0, 0xc0, 0x20, 0, 0]));
    expect(f32.dtype).toBe('float32');
    expect(Array.from(f32.data)).toEqual([1.5, -2.5]);
    // float64: 0x3ff8000000000000 = 1.5.
    const f64 = parseIdx(idx(0x0e, [1], [0x3f, 0xf8, 0, 0, 0, 0, 0, 0]));
    expect(f64.data).toBeInstanceOf(Float64Array);
    expect(Array.from(f64.data)).toEqual([1.5]);
  });

  it('returns an empty array when a dimension is 0', () => {
    const r = parseIdx(idx(0x08, [0, 28, 28], []));
    expect(r.shape).toEqual([0, 28, 28]);
    expect(r.data.length).toBe(0);
  });

  it('returns a copy that does not alias the input when given a Uint8Array', () => {
    const bytes = idx(0x08, [2], [1, 2]);
    const r = parseIdx(bytes);
    bytes[8] = 99;
    expect(r.data[0]).toBe(1);
    // Node Buffers too (Buffer#slice would share memory).
    const buffer = Buffer.from(idx(0x08, [2], [1, 2]));
    const fromBuffer = parseIdx(buffer);
    buffer[8] = 99;
    expect(fromBuffer.data[0]).toBe(1);
  });

  it('accepts an ArrayBuffer and a subarray view at an offset', () => {
    const bytes = idx(0x0b, [1], [0, 5]);
    expect(Array.from(parseIdx(bytes.buffer as ArrayBuffer).data)).toEqual([5]);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(Array.from(parseIdx(padded.subarray(3)).data)).toEqual([5]);
  });

  it('rejects gzip input with a hint to decompress', () => {
    expectCceError(
      () => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0]), { name: 'x.gz' }),
      'bytes',
      'gzip',
      'x.gz',
      'DecompressionStream',
    );
  });

  it('rejects a wrong magic number naming the file and offset 0', () => {
    const e = expectCceError(
      () =>
        parseIdx(new Uint8Array([1, 2, 8, 1, 0, 0, 0, 0]), { name: 'f.idx' }),
      'bytes',
      'f.idx',
      'byte offset 0',
      '0x01020801',
    );
    expect(e.received).toBe('0x01020801');
    expectCceError(
      () => parseIdx(idx(0x0a, [1], [0])),
      'bytes',
      'not an IDX file',
    );
    expectCceError(
      () => parseIdx(new Uint8Array([0, 0, 8, 0])),
      'bytes',
      'byte offset 0',
    );
  });

  it('rejects a file shorter than the magic or the header naming the offset', () => {
    expectCceError(
      () => parseIdx(new Uint8Array([0, 0])),
      'bytes',
      'byte offset 2',
    );
    expectCceError(
      () => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1])),
      'bytes',
      'a 16-byte header',
      'byte offset 8',
    );
  });

  it('rejects truncated data and trailing bytes naming the offsets', () => {
    expectCceError(
      () => parseIdx(idx(0x08, [3], [1, 2]), { name: 'lab' }),
      'bytes',
      '3 data bytes',
      'byte offset 10 of lab',
      'truncated',
    );
    expectCceError(
      () => parseIdx(idx(0x08, [1], [1, 2])),
      'bytes',
      '1 extra',
      'byte offset 9',
    );
    expectCceError(
      () => parseIdx(idx(0x0c, [1], [1, 2, 3])),
      'bytes',
      '4 data bytes',
    );
  });

  it('rejects absurd sizes without allocating when the header claims 2^32-1 per dimension', () => {
    const e = expectCceError(
      () => parseIdx(idx(0x0e, [0xffffffff, 0xffffffff, 0xffffffff], [])),
      'bytes',
      'truncated',
    );
    expect(e.expected).toContain('data bytes');
  });

  it('rejects input that is not bytes', () => {
    expectCceError(
      () => parseIdx([0, 0, 8, 1] as unknown as Uint8Array),
      'bytes',
      'an array of length 4',
    );
  });
});
