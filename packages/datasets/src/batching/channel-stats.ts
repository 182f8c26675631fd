// Per-channel mean and standard deviation over a training set, the inputs
// of normalizeChannels; computed in float64 with two passes.
import { assertShape, assertTypedArray } from '../internal/validate.js';

/** Per-channel statistics from {@link channelStats}. */
export interface ChannelStats {
  /** Mean of each channel `[C]`. */
  mean: Float64Array;
  /** Population standard deviation of each channel `[C]` (divides by count). */
  std: Float64Array;
}

/**
 * Mean and population standard deviation of every channel, the last axis
 * of `shape`: channels of NHWC images, or features of an `[N, D]` matrix.
 * `mean_c = Σ x_c / M`, `std_c = sqrt(Σ (x_c − mean_c)² / M)` over the M
 * values of channel c, accumulated in float64 (two passes, no cancellation).
 * Compute on the training split only, then normalise every split with it.
 *
 * @param x - row-major data.
 * @param shape - `[…, C]`, rank >= 1; product = `x.length`.
 * @returns `{ mean, std }`, each Float64Array `[C]`; NaN for a channel when
 *   x is empty.
 * @throws CceError when `x` is not a Float32Array or `shape` does not match.
 * @example
 * ```ts
 * const s = channelStats(new Float32Array([0, 10, 2, 30]), [2, 2]);
 * Array.from(s.mean); // [1, 20]; Array.from(s.std) is [1, 10]
 * ```
 */
export function channelStats(
  x: Float32Array,
  shape: readonly number[],
): ChannelStats {
  const fn = 'channelStats';
  assertTypedArray(fn, 'x', x, Float32Array);
  const dims = assertShape(fn, x, shape, 'any', 'rank >= 1');
  const c = dims[dims.length - 1]!;
  const m = c === 0 ? 0 : x.length / c;

  const mean = new Float64Array(c);
  for (let row = 0; row < x.length; row += c) {
    for (let k = 0; k < c; k++) mean[k] = mean[k]! + x[row + k]!;
  }
  for (let k = 0; k < c; k++) mean[k] = mean[k]! / m;
  const std = new Float64Array(c);
  for (let row = 0; row < x.length; row += c) {
    for (let k = 0; k < c; k++) {
      const dev = x[row + k]! - mean[k]!;
      std[k] = std[k]! + dev * dev;
    }
  }
  for (let k = 0; k < c; k++) std[k] = Math.sqrt(std[k]! / m);
  return { mean, std };
}
