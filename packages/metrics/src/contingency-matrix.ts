// The dense contingency table of two labelings: counts of examples per
// (class, cluster), like sklearn.metrics.cluster.contingency_matrix.

import { CceError } from '@cce/errors';
import { buildContingency } from './internal/contingency.js';
import type { LabelArray } from './types.js';

/** Result of {@link contingencyMatrix}. */
export interface ContingencyMatrix {
  /** Distinct ids of `labelsTrue` in increasing order, `[Kt]`. */
  classIds: Int32Array;
  /** Distinct ids of `labelsPred` in increasing order, `[Kp]`. */
  clusterIds: Int32Array;
  /**
   * `counts[i · Kp + j]` examples have class `classIds[i]` and cluster
   * `clusterIds[j]`; row-major `[Kt, Kp]`, rows sum to class sizes.
   */
  counts: Int32Array;
}

/** Largest dense table returned (128 MiB of Int32). */
const MAX_CELLS = 1 << 25;

/**
 * Counts examples per (class, cluster): `counts[i, j] = #{n : labelsTrue[n]
 * = classIds[i] and labelsPred[n] = clusterIds[j]}`. Ids are arbitrary
 * non-negative integers; rows and columns follow increasing id.
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - cluster ids, `[N]`, non-negative integers.
 * @returns `classIds` `[Kt]`, `clusterIds` `[Kp]` and row-major `counts`
 *   `[Kt, Kp]` summing to `N`.
 * @throws CceError naming `labelsTrue` or `labelsPred` for an empty,
 *   non-integer, negative or non-finite label or mismatched lengths, and
 *   `labelsPred` when `Kt · Kp` exceeds 2^25 cells.
 * @remarks Limitation (L-002): the table is dense; the other metrics use a
 *   sparse table and have no such bound.
 *
 * @example
 * ```ts
 * const { classIds, clusterIds, counts } = contingencyMatrix(
 *   [1, 1, 3],
 *   [0, 9, 9],
 * );
 * // classIds [1, 3], clusterIds [0, 9], counts [1, 1, 0, 1]
 * ```
 */
export function contingencyMatrix(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): ContingencyMatrix {
  const fn = 'contingencyMatrix';
  const table = buildContingency(fn, labelsTrue, labelsPred);
  const kt = table.classIds.length;
  const kp = table.clusterIds.length;
  if (kt * kp > MAX_CELLS) {
    // LIMITATION(L-002): dense output only; huge tables are refused.
    throw new CceError({
      fn,
      argument: 'labelsPred',
      expected: `at most ${MAX_CELLS} table cells (classes × clusters)`,
      received: `${kt} classes × ${kp} clusters`,
    });
  }
  const counts = new Int32Array(kt * kp); // [Kt, Kp]
  for (let c = 0; c < table.cellCount.length; c++) {
    counts[table.cellClass[c]! * kp + table.cellCluster[c]!] =
      table.cellCount[c]!;
  }
  return { classIds: table.classIds, clusterIds: table.clusterIds, counts };
}
