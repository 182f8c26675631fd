// Normalised mutual information of two labelings, with scikit-learn's
// normalized_mutual_info_score conventions (average_method, limit cases).

import { buildContingency } from './internal/contingency.js';
import {
  averageEntropy,
  entropyOfSizes,
  isSamePartition,
  mutualInformation,
} from './internal/information.js';
import { checkAverageMethod } from './internal/validate.js';
import type { LabelArray, MutualInfoOptions } from './types.js';

/**
 * Normalised mutual information `NMI = MI / mean(H(true), H(pred))`.
 *
 * `MI = Σ_ij (n_ij/N) ln(N n_ij / (a_i b_j))` from the contingency table
 * `n_ij` with class sizes `a_i` and cluster sizes `b_j`;
 * `H = −Σ (a_i/N) ln(a_i/N)`. `mean` is `options.averageMethod`:
 * `'arithmetic'` (default), `'geometric'`, `'min'` or `'max'`, as
 * scikit-learn's `average_method`. Natural logarithms, float64; the value
 * is in `[0, 1]`, invariant to renaming ids and symmetric in its arguments.
 *
 * Limit cases (scikit-learn's conventions, each defined, never NaN):
 * - both labelings have a single cluster (also `N = 1`): 1, a perfect match;
 * - exactly one has a single cluster: 0 (`MI = 0`; avoids 0/0 for
 *   `'min'` and `'geometric'`);
 * - the same partition up to renaming (e.g. all singletons in both): 1;
 * - `MI` rounding to 0 otherwise: 0.
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - cluster ids, `[N]`, non-negative integers.
 * @param options - `averageMethod`, default `'arithmetic'`.
 * @returns NMI in `[0, 1]`.
 * @throws CceError naming `labelsTrue` or `labelsPred` (empty,
 *   non-integer, negative or non-finite label, mismatched lengths) or
 *   `options.averageMethod` (unknown name).
 * @see Strehl and Ghosh, "Cluster ensembles", JMLR 3, 2002.
 *
 * @example
 * ```ts
 * normalizedMutualInfo([0, 0, 1, 1], [0, 0, 1, 2]);
 * // MI = ln 2, H = ln 2 and 1.5 ln 2: 2 ln 2 / (2.5 ln 2) = 0.8
 * ```
 */
export function normalizedMutualInfo(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
  options?: MutualInfoOptions,
): number {
  const fn = 'normalizedMutualInfo';
  const method = checkAverageMethod(fn, options);
  const table = buildContingency(fn, labelsTrue, labelsPred);
  const kt = table.classIds.length;
  const kp = table.clusterIds.length;

  if (kt === 1 && kp === 1) return 1; // nothing is split: perfect match
  if (kt === 1 || kp === 1) return 0; // one side carries no information
  if (isSamePartition(table)) return 1; // MI = H(true) = H(pred)

  const mi = mutualInformation(table);
  if (mi === 0) return 0;
  const hTrue = entropyOfSizes(table.classSizes, table.n);
  const hPred = entropyOfSizes(table.clusterSizes, table.n);
  return mi / averageEntropy(hTrue, hPred, method);
}
