// Two independently augmented views of one batch, for consistency terms
// (IMSAT-style) and view-based self-labeling.
import { CceError, formatValue } from '@cce/errors';
import type { Rng } from '../rng/create-rng.js';
import type { Augmentation } from './types.js';

/**
 * Applies `augment` twice to the same batch; the second call draws fresh
 * parameters from `rng`, so the views are independent given the batch.
 * The batch itself is not modified.
 *
 * @param batch - `{ x, shape }`, e.g. a `Batch` from `iterateBatches`
 *   (`x` NHWC `[B, H, W, C]`).
 * @param augment - an {@link Augmentation}.
 * @param rng - the generator (from `createRng`).
 * @returns `[view1, view2]`, each a new Float32Array of `batch.shape`.
 * @throws CceError when `augment` is not a function, or whatever `augment`
 *   throws for a bad batch.
 * @example
 * ```ts
 * const [a, b] = twoViews(batch, horizontalFlip(), createRng(0));
 * ```
 */
export function twoViews(
  batch: { x: Float32Array; shape: readonly number[] },
  augment: Augmentation,
  rng: Rng,
): [Float32Array, Float32Array] {
  if (typeof augment !== 'function') {
    throw new CceError({
      fn: 'twoViews',
      argument: 'augment',
      expected: 'an augmentation function',
      received: formatValue(augment),
    });
  }
  const first = augment(batch.x, batch.shape, rng);
  const second = augment(batch.x, batch.shape, rng);
  return [first, second];
}
