// Adjusted mutual information (Vinh, Epps and Bailey 2010) with the
// hypergeometric expected MI, following scikit-learn's conventions.

import { buildContingency } from './internal/contingency.js';
import {
  averageEntropy,
  entropyOfSizes,
  expectedMutualInformation,
  isSamePartition,
  mutualInformation,
} from './internal/information.js';
import { checkAverageMethod } from './internal/validate.js';
import type { LabelArray, MutualInfoOptions } from './types.js';

/**
 * Adjusted mutual information
 * `AMI = (MI − E[MI]) / (mean(H(true), H(pred)) − E[MI])`.
 *
 * `E[MI]` is the expected mutual information when one labeling is randomly
 * permuted with both sets of sizes fixed (the hypergeometric model):
 * `Σ_ij Σ_n P(n | a_i, b_j, N) (n/N) ln(N n / (a_i b_j))`, evaluated in
 * float64 from log-factorials at the mode of each hypergeometric and the
 * ratio recurrence outwards, dropping terms below 1e-20 of the mode (so
 * N = 10⁵, K = 100 takes milliseconds). `mean` is
 * `options.averageMethod` (default `'arithmetic'`), as scikit-learn's
 * `average_method`. 0 is chance level, 1 a perfect match; values can be
 * slightly negative. Symmetric and invariant to renaming ids.
 *
 * Limit cases (each defined, never NaN):
 * - both have a single cluster (also `N = 1`): 1 (scikit-learn);
 * - exactly one has a single cluster: 0 (scikit-learn);
 * - the same partition up to renaming, including all singletons in both:
 *   1 (scikit-learn returns 1 up to rounding);
 * - exactly one is all singletons: 0, because then `MI = E[MI]` for every
 *   permutation. scikit-learn computes 0/0 here and returns rounding noise
 *   (e.g. −1 for `'min'`); we return the limit 0.
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - cluster ids, `[N]`, non-negative integers.
 * @param options - `averageMethod`, default `'arithmetic'`.
 * @returns AMI, at most 1.
 * @throws CceError naming `labelsTrue`, `labelsPred` or
 *   `options.averageMethod` for invalid labels, mismatched lengths or an
 *   unknown average.
 * @see Vinh, Epps and Bailey, "Information theoretic measures for
 *   clusterings comparison", JMLR 11, 2010.
 *
 * @example
 * ```ts
 * adjustedMutualInfo([0, 0, 1, 1], [0, 0, 1, 1]); // 1
 * adjustedMutualInfo([0, 0, 1, 1], [0, 1, 0, 1]); // −0.5
 * ```
 */
export function adjustedMutualInfo(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
  options?: MutualInfoOptions,
): number {
  const fn = 'adjustedMutualInfo';
  const method = checkAverageMethod(fn, options);
  const table = buildContingency(fn, labelsTrue, labelsPred);
  const { n, classSizes, clusterSizes } = table;
  const kt = classSizes.length;
  const kp = clusterSizes.length;

  if (kt === 1 && kp === 1) return 1; // nothing is split: perfect match
  if (kt === 1 || kp === 1) return 0; // MI = E[MI] = 0
  if (isSamePartition(table)) return 1;
  if (kt === n || kp === n) return 0; // MI = E[MI] for every permutation

  const mi = mutualInformation(table);
  const emi = expectedMutualInformation(classSizes, clusterSizes, n);
  const hTrue = entropyOfSizes(classSizes, n);
  const hPred = entropyOfSizes(clusterSizes, n);
  // Outside the limit cases above the denominator is strictly positive.
  return (mi - emi) / (averageEntropy(hTrue, hPred, method) - emi);
}
