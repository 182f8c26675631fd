// Turns parsed .npy arrays (features and optional labels) into the [N, D]
// float32 feature matrix the trainer consumes; works in any environment.
import { CceError } from '@cce/errors';
import { npyToMatrix, toClassIds } from '../internal/features.js';
import type { FeatureDataset } from '../types.js';
import type { NpyArray } from './parse-npy.js';

/** Options of {@link featuresFromNpy}. */
export interface FeaturesFromNpyOptions {
  /** Parsed labels: one non-negative integer per row of `features`. */
  labels?: NpyArray;
  /** Feature file name for messages; default `'features'`. */
  name?: string;
  /** Label file name for messages; default `'labels'`. */
  labelsName?: string;
}

/**
 * Converts a parsed `.npy` array to a feature matrix: rank 1 `[N]` becomes
 * `[N, 1]`, rank >= 2 `[N, d1, d2, …]` becomes `[N, d1·d2·…]`, values are
 * converted to float32 and must all be finite.
 *
 * @param features - from {@link parseNpy}.
 * @param options - parsed `labels` (any supported dtype; integer values
 *   >= 0, one per row) and file names for messages.
 * @returns `{ features: Float32Array [N, D], shape, labels? }`.
 * @throws CceError when a value is NaN or ±Infinity (naming the row and
 *   column), a label is not an integer >= 0, or the label count differs
 *   from N.
 * @example
 * ```ts
 * const x = { data: new Float64Array([1, 2, 3, 4]), shape: [2, 2],
 *   dtype: 'float64', fortranOrder: false } as const;
 * featuresFromNpy(x).shape; // [2, 2]
 * ```
 */
export function featuresFromNpy(
  features: NpyArray,
  options: FeaturesFromNpyOptions = {},
): FeatureDataset {
  const fn = 'featuresFromNpy';
  const name = options.name ?? 'features';
  const { features: x, shape } = npyToMatrix(fn, features, name);
  if (options.labels === undefined) return { features: x, shape };

  const labelsName = options.labelsName ?? 'labels';
  const labels = toClassIds(fn, options.labels.data, labelsName);
  if (labels.length !== shape[0]) {
    throw new CceError({
      fn,
      argument: 'labels',
      expected: `${shape[0]} labels, one per row of ${name}`,
      received: `${labels.length} in ${labelsName}`,
    });
  }
  return { features: x, shape, labels };
}
