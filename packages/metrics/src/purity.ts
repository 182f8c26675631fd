// Cluster purity: each cluster votes for its majority class.

import { buildContingency } from './internal/contingency.js';
import type { LabelArray } from './types.js';

/**
 * Purity `= (1/N) Σ_j max_i n_ij`: the share of examples that belong to the
 * majority class of their cluster. Not symmetric; it never penalises
 * splitting, so it is 1 whenever each cluster holds one class only.
 *
 * Limit cases: all singletons give 1 (each cluster is pure by itself); a
 * single cluster gives the share of the largest class; `N = 1` gives 1.
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - cluster ids, `[N]`, non-negative integers.
 * @returns purity in `(0, 1]`.
 * @throws CceError naming `labelsTrue` or `labelsPred` for an empty,
 *   non-integer, negative or non-finite label, or mismatched lengths.
 * @see Manning, Raghavan and Schütze, "Introduction to Information
 *   Retrieval", section 16.3, 2008.
 *
 * @example
 * ```ts
 * purity([0, 0, 0, 1, 1, 2], [5, 5, 7, 7, 7, 7]); // (2 + 2) / 6 = 2/3
 * ```
 */
export function purity(labelsTrue: LabelArray, labelsPred: LabelArray): number {
  const table = buildContingency('purity', labelsTrue, labelsPred);
  const best = new Float64Array(table.clusterIds.length);
  for (let c = 0; c < table.cellCount.length; c++) {
    const j = table.cellCluster[c]!;
    best[j] = Math.max(best[j]!, table.cellCount[c]!);
  }
  let sum = 0;
  for (let j = 0; j < best.length; j++) sum += best[j]!;
  return sum / table.n;
}
