// Seeded concentric circles: an outer ring and an inner ring of points, a
// clustering case no linear or centroid method separates.
import { CceError, formatValue } from '@cce/errors';
import { twoClassShape } from '../internal/two-class-shapes.js';
import type { SyntheticDataset } from './types.js';

/** Options of {@link makeCircles}. */
export interface CirclesOptions {
  /** N >= 1; class 0 (outer) gets ceil(N/2) points. */
  numSamples: number;
  /** Radius of the inner circle relative to the outer (1), in (0, 1); default 0.5. */
  factor?: number;
  /** Standard deviation of the Gaussian noise on each coordinate; default 0.05. */
  noise?: number;
  /** Seed; default 0. */
  seed?: number;
  /** Shuffle the rows (else class 0 first); default true. */
  shuffle?: boolean;
}

/**
 * Samples two concentric circles, angle `t ~ U[0, 2π)`: class 0 at
 * `(cos t, sin t)`, class 1 at `factor·(cos t, sin t)`, plus N(0, noise²)
 * on each coordinate.
 *
 * @param options - `numSamples`, `factor`, `noise`, `seed`, `shuffle`.
 * @returns features `[N, 2]`, labels `[N]` in {0, 1}.
 * @throws CceError when `numSamples` is not an integer >= 1, `noise` < 0 or
 *   `factor` is outside (0, 1).
 * @example
 * ```ts
 * const c = makeCircles({ numSamples: 4, noise: 0, factor: 0.5, shuffle: false });
 * // rows 0-1 have radius 1, rows 2-3 radius 0.5
 * ```
 */
export function makeCircles(options: CirclesOptions): SyntheticDataset {
  const factor = options.factor ?? 0.5;
  if (typeof factor !== 'number' || !(factor > 0 && factor < 1)) {
    throw new CceError({
      fn: 'makeCircles',
      argument: 'factor',
      expected: 'a number in (0, 1)',
      received: formatValue(factor),
    });
  }
  return twoClassShape('makeCircles', options, 0.05, (label, u, out) => {
    const r = label === 0 ? 1 : factor;
    out[0] = r * Math.cos(2 * Math.PI * u);
    out[1] = r * Math.sin(2 * Math.PI * u);
  });
}
