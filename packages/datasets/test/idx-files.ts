// Writes small IDX image/label files for loader tests (MNIST layout).
import { gzipSync } from 'node:zlib';

/** IDX bytes of a uint8 array with the given dims. */
export function idxBytes(
  dims: number[],
  values: ArrayLike<number>,
  type = 0x08,
): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + values.length);
  out.set([0, 0, type, dims.length]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < dims.length; i++) {
    view.setUint32(4 + 4 * i, dims[i]!, false);
  }
  out.set(values, 4 + 4 * dims.length);
  return out;
}

/** `n` images of `side`×`side` whose pixel (y, x) of image i is (i + y + x) mod 256. */
export function tinyImages(n: number, side: number): Uint8Array {
  const values = new Uint8Array(n * side * side);
  for (let i = 0; i < n; i++)
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++)
        values[(i * side + y) * side + x] = (i + y + x) % 256;
  return idxBytes([n, side, side], values);
}

export const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));
