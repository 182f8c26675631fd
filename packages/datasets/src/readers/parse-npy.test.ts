import { parse as npyjsParse } from 'npyjs';
import { describe, expect, it } from 'vitest';
import { expectCceError, expectedJson, fixture } from '../../test/helpers.js';
import { parseNpy } from './parse-npy.js';

const expected = expectedJson().npy;

/** A v1 .npy file with the given header dict text and data bytes. */
function npy(dict: string, data: Uint8Array): Uint8Array {
  let header = `${dict}`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const out = new Uint8Array(10 + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(data, 10 + header.length);
  return out;
}

describe('parseNpy', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`reads ${name} as NumPy wrote it, in C order`, () => {
      const r = parseNpy(fixture(name), { name });
      expect(r.shape).toEqual(want.shape);
      expect(r.fortranOrder).toBe(want.fortran);
      expect(r.data.length).toBe(want.values.length);
      // Float32 files hold float32 values exactly; the JSON has them as
      // float64 decimals that round-trip, so equality is exact.
      expect(Array.from(r.data)).toEqual(want.values);
    });
  }

  it('returns a copy that does not alias a Node Buffer input', () => {
    const buffer = Buffer.from(fixture('u1_c.npy'));
    const r = parseNpy(buffer);
    const first = r.data[0];
    buffer[buffer.length - 12] = (buffer[buffer.length - 12]! + 1) % 256;
    expect(r.data[0]).toBe(first);
  });

  it('gives the typed array of each dtype', () => {
    expect(parseNpy(fixture('f4_c.npy')).data).toBeInstanceOf(Float32Array);
    expect(parseNpy(fixture('f8_f.npy')).data).toBeInstanceOf(Float64Array);
    expect(parseNpy(fixture('u1_c.npy')).data).toBeInstanceOf(Uint8Array);
    expect(parseNpy(fixture('i4_c.npy')).data).toBeInstanceOf(Int32Array);
    const labels = parseNpy(fixture('i8_labels.npy'));
    expect(labels.dtype).toBe('int64');
    expect(labels.data).toBeInstanceOf(Int32Array);
  });

  it('agrees with npyjs on the C-order little-endian files npyjs supports', () => {
    for (const name of ['f4_c.npy', 'f8_c.npy', 'u1_c.npy', 'f4_v2.npy']) {
      const bytes = fixture(name);
      const buffer = bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer;
      const theirs = npyjsParse(buffer);
      const ours = parseNpy(bytes);
      expect(ours.shape).toEqual(theirs.shape);
      expect(Array.from(ours.data)).toEqual(
        Array.from(theirs.data as Float32Array),
      );
    }
  });

  it('transposes Fortran order as in the documented example', () => {
    // np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4', order='F') stores 1 4 2 5 3 6.
    const data = new Uint8Array(new Float32Array([1, 4, 2, 5, 3, 6]).buffer);
    const bytes = npy(
      "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
      data,
    );
    const { data: out, shape } = parseNpy(bytes);
    expect(shape).toEqual([2, 3]);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects a wrong magic number naming the file and offset 0', () => {
    const bytes = fixture('f4_c.npy').slice();
    bytes[1] = 0x41;
    expectCceError(
      () => parseNpy(bytes, { name: 'a.npy' }),
      'bytes',
      'a.npy',
      'byte offset 0',
      '93 41',
    );
    expectCceError(() => parseNpy(new Uint8Array(0)), 'bytes', 'an empty file');
  });

  it('rejects an unknown format version naming offset 6', () => {
    const bytes = fixture('f4_c.npy').slice();
    bytes[6] = 9;
    expectCceError(
      () => parseNpy(bytes),
      'bytes',
      'version 9.0',
      'byte offset 6',
    );
  });

  it('rejects a header longer than the file', () => {
    const bytes = fixture('f4_c.npy').slice(0, 60);
    expectCceError(() => parseNpy(bytes), 'bytes', 'header within the file');
    const v2 = fixture('f4_v2.npy').slice(0, 10);
    expectCceError(() => parseNpy(v2), 'bytes', 'a header length field');
  });

  it('rejects a malformed header dict naming the header offset', () => {
    const data = new Uint8Array(4);
    expectCceError(
      () => parseNpy(npy("{'fortran_order': False, 'shape': (1,), }", data)),
      'bytes',
      "no string 'descr'",
      'byte offset 10',
    );
    expectCceError(
      () => parseNpy(npy("{'descr': '<f4', 'shape': (1,), }", data)),
      'bytes',
      'fortran_order',
    );
    expectCceError(
      () => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, }", data)),
      'bytes',
      "no 'shape'",
    );
    expectCceError(
      () =>
        parseNpy(
          npy(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }",
            data,
          ),
        ),
      'bytes',
      'shape (-1,)',
    );
  });

  it('rejects an unsupported dtype naming it', () => {
    const data = new Uint8Array(8);
    expectCceError(
      () =>
        parseNpy(
          npy(
            "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }",
            data,
          ),
        ),
      'bytes',
      "'<c8'",
      'unsupported dtype',
    );
  });

  it('rejects truncated data and trailing bytes naming the offsets', () => {
    const bytes = fixture('f4_c.npy');
    expectCceError(
      () => parseNpy(bytes.subarray(0, bytes.length - 6), { name: 't.npy' }),
      'bytes',
      '96 data bytes',
      `byte offset ${bytes.length - 6} of t.npy`,
      'truncated',
    );
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expectCceError(
      () => parseNpy(longer),
      'bytes',
      'trailing bytes',
      `byte offset ${bytes.length}`,
    );
  });

  it('rejects absurd shapes without allocating', () => {
    const data = new Uint8Array(4);
    expectCceError(
      () =>
        parseNpy(
          npy(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967295, 4294967295, 99999999), }",
            data,
          ),
        ),
      'bytes',
      'truncated',
    );
  });

  it('rejects int64 values outside the int32 range naming the offset', () => {
    const data = new Uint8Array(16);
    new DataView(data.buffer).setBigInt64(8, 2n ** 40n, true);
    const bytes = npy(
      "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }",
      data,
    );
    // Second value: 8 bytes after the data start, which is 16 before the end.
    const offset = bytes.length - 16 + 8;
    expectCceError(
      () => parseNpy(bytes),
      'bytes',
      'int32 range',
      `byte offset ${offset}`,
    );
  });
});
