// Per-channel standardisation with statistics from the training split:
// (x − mean_c) / std_c on the last axis.
import { CceError } from '@cce/errors';
import type { ChannelStats } from './channel-stats.js';
import { assertShape, assertTypedArray } from '../internal/validate.js';

/**
 * Channels whose standard deviation is at or below this are only centred
 * (divided by 1): a constant channel would otherwise become NaN or huge.
 */
export const MIN_CHANNEL_STD = 1e-12;

/** Options of {@link normalizeChannels}. */
export interface NormalizeOptions {
  /** Overwrite `x` instead of returning a new array; default false. */
  inPlace?: boolean;
}

/**
 * Standardises each channel (last axis): `y = (x − mean_c) / std_c`, with
 * `std_c` replaced by 1 when `std_c <= MIN_CHANNEL_STD` (1e-12).
 *
 * @param x - row-major data, e.g. NHWC images or `[N, D]` features.
 * @param shape - `[…, C]`; product = `x.length`.
 * @param stats - from {@link channelStats} on the training split; `[C]` each.
 * @param options - `inPlace`.
 * @returns the normalised Float32Array (`x` itself when `inPlace`).
 * @throws CceError when `shape` does not match `x`, or `stats` has not C
 *   finite means and finite non-negative deviations.
 * @example
 * ```ts
 * const y = normalizeChannels(new Float32Array([0, 2]), [2, 1],
 *   { mean: new Float64Array([1]), std: new Float64Array([1]) });
 * Array.from(y); // [-1, 1]
 * ```
 */
export function normalizeChannels(
  x: Float32Array,
  shape: readonly number[],
  stats: ChannelStats,
  options: NormalizeOptions = {},
): Float32Array {
  const fn = 'normalizeChannels';
  assertTypedArray(fn, 'x', x, Float32Array);
  const dims = assertShape(fn, x, shape, 'any', 'rank >= 1');
  const c = dims[dims.length - 1]!;
  checkStats(fn, stats, c);

  const scale = Float64Array.from(stats.std, (s) =>
    s > MIN_CHANNEL_STD ? 1 / s : 1,
  );
  const out = options.inPlace ? x : new Float32Array(x.length);
  for (let row = 0; row < x.length; row += c) {
    for (let k = 0; k < c; k++) {
      out[row + k] = (x[row + k]! - stats.mean[k]!) * scale[k]!;
    }
  }
  return out;
}

function checkStats(fn: string, stats: ChannelStats, c: number): void {
  const ok =
    stats?.mean?.length === c &&
    stats.std?.length === c &&
    Array.from(stats.mean).every(Number.isFinite) &&
    Array.from(stats.std).every((s) => Number.isFinite(s) && s >= 0);
  if (!ok) {
    throw new CceError({
      fn,
      argument: 'stats',
      expected: `${c} finite means and ${c} finite deviations >= 0 (one per channel)`,
      received: `mean of length ${stats?.mean?.length}, std of length ${stats?.std?.length}`,
    });
  }
}
