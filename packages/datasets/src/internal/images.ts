// Byte-image conversions used by the readers: uint8 → float32 in [0, 1] by
// lookup table, planar (CHW) and column-major planes → interleaved HWC.

/** `UNIT_LUT[v] = v / 255` rounded to float32. */
const UNIT_LUT = new Float32Array(256);
for (let v = 0; v < 256; v++) UNIT_LUT[v] = v / 255;

/** Writes `src[i] / 255` to `out[outOffset + i]`. */
export function bytesToUnit(
  src: Uint8Array,
  out: Float32Array,
  outOffset = 0,
): void {
  const n = src.length;
  for (let i = 0; i < n; i++) out[outOffset + i] = UNIT_LUT[src[i]!]!;
}

/**
 * Converts one planar image (C planes of H×W, each row-major, as in the
 * CIFAR binaries) at `src[srcOffset]` to HWC floats in [0, 1] at
 * `out[outOffset]`.
 */
export function planarToHwc(
  src: Uint8Array,
  srcOffset: number,
  out: Float32Array,
  outOffset: number,
  height: number,
  width: number,
  channels: number,
): void {
  const plane = height * width;
  for (let c = 0; c < channels; c++) {
    const base = srcOffset + c * plane;
    for (let p = 0; p < plane; p++) {
      out[outOffset + p * channels + c] = UNIT_LUT[src[base + p]!]!;
    }
  }
}

/**
 * Converts one planar image whose planes are stored column-major (as in
 * the STL-10 binaries: byte `c·H·W + x·H + y` is row y, column x) to HWC
 * floats in [0, 1].
 */
export function columnMajorPlanarToHwc(
  src: Uint8Array,
  srcOffset: number,
  out: Float32Array,
  outOffset: number,
  height: number,
  width: number,
  channels: number,
): void {
  const plane = height * width;
  for (let c = 0; c < channels; c++) {
    const base = srcOffset + c * plane;
    for (let x = 0; x < width; x++) {
      const column = base + x * height;
      for (let y = 0; y < height; y++) {
        out[outOffset + (y * width + x) * channels + c] =
          UNIT_LUT[src[column + y]!]!;
      }
    }
  }
}
