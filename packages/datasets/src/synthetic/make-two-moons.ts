// Seeded "two moons": two interleaving half circles in the plane, the
// standard case where k-means fails and a non-linear boundary is needed.
import { twoClassShape } from '../internal/two-class-shapes.js';
import type { SyntheticDataset } from './types.js';

/** Options of {@link makeTwoMoons}. */
export interface TwoMoonsOptions {
  /** N >= 1; class 0 gets ceil(N/2) points. */
  numSamples: number;
  /** Standard deviation of the Gaussian noise on each coordinate; default 0.1. */
  noise?: number;
  /** Seed; default 0. */
  seed?: number;
  /** Shuffle the rows (else class 0 first); default true. */
  shuffle?: boolean;
}

/**
 * Samples two interleaving half circles, angle `t ~ U[0, π)`:
 * class 0 at `(cos t, sin t)`, class 1 at `(1 − cos t, 0.5 − sin t)`, plus
 * N(0, noise²) on each coordinate.
 *
 * @param options - `numSamples`, `noise`, `seed`, `shuffle`.
 * @returns features `[N, 2]`, labels `[N]` in {0, 1}.
 * @throws CceError when `numSamples` is not an integer >= 1 or `noise` < 0.
 * @example
 * ```ts
 * const m = makeTwoMoons({ numSamples: 4, noise: 0, shuffle: false });
 * // rows 0-1 lie on x² + y² = 1, rows 2-3 on (x − 1)² + (y − 0.5)² = 1
 * ```
 */
export function makeTwoMoons(options: TwoMoonsOptions): SyntheticDataset {
  return twoClassShape('makeTwoMoons', options, 0.1, (label, u, out) => {
    const t = Math.PI * u;
    out[0] = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    out[1] = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
  });
}
