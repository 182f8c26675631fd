// Adjusted Rand index (Hubert and Arabie 1985) from the pair counts of the
// contingency table, with scikit-learn's adjusted_rand_score conventions.

import { buildContingency } from './internal/contingency.js';
import type { LabelArray } from './types.js';

/**
 * Adjusted Rand index: the Rand index corrected for chance,
 * `ARI = 2 (TP·TN − FN·FP) / ((TP + FN)(FN + TN) + (TP + FP)(FP + TN))`
 * over ordered pairs of distinct examples, where `TP` pairs share class and
 * cluster, `FN` share only the class, `FP` only the cluster, `TN` neither.
 * From the table: `TP = Σ n_ij² − N`, `FN = Σ a_i² − Σ n_ij²`,
 * `FP = Σ b_j² − Σ n_ij²`, `TN = N² − TP − FN − FP − N`. This equals
 * Hubert and Arabie's `(Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E)`.
 *
 * Pair counts are exact integers in float64 for `N <= 94906265`; the final
 * products use BigInt, so the result is the correctly rounded ratio.
 * 1 for identical partitions, about 0 for independent ones, can be
 * negative (down to −0.5). Symmetric and invariant to renaming ids.
 *
 * Limit case: when no pair disagrees (`FN = FP = 0`: the same partition,
 * including one cluster in both, all singletons in both, or `N = 1`) the
 * value is 1, as in scikit-learn. One cluster against a finer labeling
 * gives 0.
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - cluster ids, `[N]`, non-negative integers.
 * @returns ARI in `[−0.5, 1]`.
 * @throws CceError naming `labelsTrue` or `labelsPred` for an empty,
 *   non-integer, negative or non-finite label, or mismatched lengths.
 * @see Hubert and Arabie, "Comparing partitions", J. Classification 2, 1985.
 *
 * @example
 * ```ts
 * adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]); // 4 / 7 ≈ 0.5714
 * ```
 */
export function adjustedRandIndex(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): number {
  const table = buildContingency('adjustedRandIndex', labelsTrue, labelsPred);
  const sumCells = sumOfSquares(table.cellCount);
  const sumA = sumOfSquares(table.classSizes);
  const sumB = sumOfSquares(table.clusterSizes);
  const n = BigInt(table.n);

  const tp = sumCells - n;
  const fn = sumA - sumCells;
  const fp = sumB - sumCells;
  const tn = n * n - tp - fn - fp - n;
  if (fn === 0n && fp === 0n) return 1; // no pair disagrees

  const numerator = 2n * (tp * tn - fn * fp);
  const denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return ratio(numerator, denominator);
}

/** `Σ x²` exactly: float64 while it stays below 2^53, else BigInt. */
function sumOfSquares(values: Float64Array): bigint {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k]! * values[k]!;
  if (sum <= Number.MAX_SAFE_INTEGER) return BigInt(sum);
  let exact = 0n;
  for (let k = 0; k < values.length; k++) {
    const x = BigInt(values[k]!);
    exact += x * x;
  }
  return exact;
}

/** `p / q` for big integers, rounded once to float64 up to ~1 ulp. */
function ratio(p: bigint, q: bigint): number {
  // Scale so the quotient keeps 64 significant bits before conversion.
  const negative = p < 0n !== q < 0n;
  const absP = p < 0n ? -p : p;
  const absQ = q < 0n ? -q : q;
  const shift = BigInt(
    Math.max(0, 64 - (absP.toString(2).length - absQ.toString(2).length)),
  );
  const quotient = Number((absP << shift) / absQ) / 2 ** Number(shift);
  return negative ? -quotient : quotient;
}
