// Mini-batches of a data set for one epoch: each batch carries its example
// indices so the trainer can read and write one pseudo-label per example.
import { CceError } from '@cce/errors';
import { type BatchOptions, batchIndices } from './batch-indices.js';
import { gatherRows } from './gather-rows.js';
import { assertShape, assertTypedArray } from '../internal/validate.js';

/** Options of {@link iterateBatches}. */
export interface IterateBatchesOptions extends BatchOptions {
  /** Class ids `[N]` to gather along with the data. */
  labels?: Int32Array;
  /** Soft targets `[N, K]` (row-major) to gather along with the data. */
  targets?: Float32Array;
}

/** One mini-batch. */
export interface Batch {
  /** Example ids `[B]`: row i of the batch is example `indices[i]`. */
  indices: Int32Array;
  /** The rows of the data, `[B, …]` row-major. */
  x: Float32Array;
  /** `[B, …]`: the data shape with the first axis replaced by B. */
  shape: number[];
  /** Class ids `[B]`, when `labels` was given. */
  labels?: Int32Array;
  /** Soft targets `[B, K]`, when `targets` was given. */
  targets?: Float32Array;
}

/**
 * Yields the mini-batches of one epoch of `x` (shape `[N, …]`), in the
 * order of {@link batchIndices}: seeded shuffle per `(seed, epoch)`,
 * optional drop-last. Each batch is a fresh copy, safe to augment in place.
 * Arguments are checked when called, before the first batch.
 *
 * @param x - row-major data, e.g. images `[N, H, W, C]` or features `[N, D]`.
 * @param shape - `[N, …]`.
 * @param options - `batchSize`, `shuffle`, `dropLast`, `seed`, `epoch`,
 *   `labels`, `targets`.
 * @returns a generator of {@link Batch}.
 * @throws CceError when `shape` does not match `x`, `labels` is not `[N]`,
 *   `targets` is not `[N, K]`, or a batching option is invalid.
 * @example
 * ```ts
 * const x = new Float32Array([0, 1, 2, 3, 4, 5]); // [3, 2]
 * const batches = [...iterateBatches(x, [3, 2], { batchSize: 2, shuffle: false })];
 * batches[1].indices; // Int32Array [2]; batches[1].x is [4, 5]
 * ```
 */
export function iterateBatches(
  x: Float32Array,
  shape: readonly number[],
  options: IterateBatchesOptions,
): Generator<Batch, void, undefined> {
  const fn = 'iterateBatches';
  assertTypedArray(fn, 'x', x, Float32Array);
  const dims = assertShape(fn, x, shape, 'any', 'rank >= 1');
  const n = dims[0]!;
  const { labels, targets } = options ?? {};
  checkCompanions(fn, n, labels, targets);
  // Validated and cut now, so errors surface at the call, not mid-loop.
  const batches = batchIndices(n, options);

  return (function* () {
    for (const indices of batches) {
      const batch: Batch = { indices, ...gatherAs(x, dims, indices) };
      if (labels) batch.labels = gatherRows(labels, [n], indices).data;
      if (targets) {
        batch.targets = gatherRows(
          targets,
          [n, targets.length / n],
          indices,
        ).data;
      }
      yield batch;
    }
  })();
}

function gatherAs(x: Float32Array, dims: number[], indices: Int32Array) {
  const { data, shape } = gatherRows(x, dims, indices);
  return { x: data, shape };
}

function checkCompanions(
  fn: string,
  n: number,
  labels: Int32Array | undefined,
  targets: Float32Array | undefined,
): void {
  if (labels !== undefined) {
    assertTypedArray(fn, 'labels', labels, Int32Array);
    if (labels.length !== n) {
      throw new CceError({
        fn,
        argument: 'labels',
        expected: `length N = ${n}`,
        received: `length ${labels.length}`,
      });
    }
  }
  if (targets !== undefined) {
    assertTypedArray(fn, 'targets', targets, Float32Array);
    const ok =
      n === 0
        ? targets.length === 0
        : targets.length % n === 0 && targets.length > 0;
    if (!ok) {
      throw new CceError({
        fn,
        argument: 'targets',
        expected: `[N, K] with N = ${n}`,
        received: `length ${targets.length}`,
      });
    }
  }
}
