import { describe, expect, it } from 'vitest';
import { decodeFloat32Arrays, encodeFloat32Arrays } from './state-files.js';

describe('encodeFloat32Arrays', () => {
  it('round-trips arrays of different lengths exactly, NaN and -0 included', () => {
    const arrays = [
      Float32Array.from([1.5, -0, Number.NaN, 3.4028234663852886e38]),
      new Float32Array(0),
      Float32Array.from([1e-45]),
    ];
    const bytes = encodeFloat32Arrays(arrays);
    expect(bytes.length).toBe(4 * (1 + 3) + 4 * 5);

    const back = decodeFloat32Arrays(bytes);
    expect(back.map((a) => a.length)).toEqual([4, 0, 1]);
    expect(Object.is(back[0]![1], -0)).toBe(true);
    expect(Number.isNaN(back[0]![2])).toBe(true);
    expect(back[0]![3]).toBe(3.4028234663852886e38);
    expect(back[2]![0]).toBe(arrays[2]![0]);
  });

  it('reads arrays from a byte view that starts at an odd offset', () => {
    const bytes = encodeFloat32Arrays([Float32Array.from([7, 8])]);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(Array.from(decodeFloat32Arrays(padded.subarray(3))[0]!)).toEqual([
      7, 8,
    ]);
  });
});
