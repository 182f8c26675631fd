// The augmentation contract: a function of a batch of NHWC images and a
// generator that returns a new, independently transformed batch.
import type { Rng } from '../rng/create-rng.js';

/**
 * Transforms a batch of images `[N, H, W, C]` (row-major NHWC) and returns
 * a new Float32Array of the same shape; random parameters are drawn per
 * image from `rng`. The input is never modified.
 */
export type Augmentation = (
  images: Float32Array,
  shape: readonly number[],
  rng: Rng,
) => Float32Array;
