// The example order of one epoch cut into mini-batches of indices: seeded
// shuffling, optional drop-last. The trainer keys its pseudo-labels on these.
import { createRng } from '../rng/create-rng.js';
import { randomPermutation } from '../internal/permutation.js';
import { assertInt } from '../internal/validate.js';

/** Options of {@link batchIndices} and `iterateBatches`. */
export interface BatchOptions {
  /** Examples per batch, >= 1. */
  batchSize: number;
  /** Shuffle the order each epoch; default true. */
  shuffle?: boolean;
  /** Drop a last batch smaller than `batchSize`; default false. */
  dropLast?: boolean;
  /** Seed; default 0. */
  seed?: number;
  /**
   * Epoch number, >= 0; default 0. The order of epoch e is drawn from the
   * stream `(seed, e)`, so epochs differ and each is reproducible alone.
   */
  epoch?: number;
}

/**
 * Splits `0 … N−1` into batches of example indices. With `shuffle`, the
 * order is a uniformly random permutation from the `(seed, epoch)` stream.
 * Every index appears exactly once per epoch, except the last
 * `N mod batchSize` (of the shuffled order) when `dropLast` is set.
 *
 * @param numExamples - N >= 0.
 * @param options - `batchSize`, `shuffle`, `dropLast`, `seed`, `epoch`.
 * @returns one Int32Array of indices per batch, in batch order.
 * @throws CceError when N, `batchSize`, `seed` or `epoch` is not a valid
 *   integer.
 * @example
 * ```ts
 * batchIndices(5, { batchSize: 2, shuffle: false }).map((b) => Array.from(b));
 * // [[0, 1], [2, 3], [4]]
 * ```
 */
export function batchIndices(
  numExamples: number,
  options: BatchOptions,
): Int32Array[] {
  const fn = 'batchIndices';
  assertInt(fn, 'numExamples', numExamples, 0);
  const { batchSize } = options ?? {};
  assertInt(fn, 'batchSize', batchSize, 1);
  const seed = options.seed ?? 0;
  assertInt(fn, 'seed', seed, 0);
  const epoch = options.epoch ?? 0;
  assertInt(fn, 'epoch', epoch, 0, 2 ** 32 - 1);

  let order: Int32Array;
  if (options.shuffle === false) {
    order = Int32Array.from({ length: numExamples }, (_, i) => i);
  } else {
    order = randomPermutation(numExamples, createRng(seed, epoch));
  }
  const batches: Int32Array[] = [];
  for (let start = 0; start < numExamples; start += batchSize) {
    const end = Math.min(start + batchSize, numExamples);
    if (end - start < batchSize && options.dropLast) break;
    batches.push(order.slice(start, end));
  }
  return batches;
}
