// Entropies, mutual information and its expectation under the
// hypergeometric (permutation) model, from a contingency table, in float64.

import type { AverageMethod } from '../types.js';
import type { Contingency } from './contingency.js';
import { logFactorial } from './log-factorial.js';

/** `H = −Σ (c/N) ln(c/N) = ln N − (1/N) Σ c ln c` over positive counts. */
export function entropyOfSizes(sizes: Float64Array, n: number): number {
  if (sizes.length <= 1) return 0;
  let sum = 0;
  for (let k = 0; k < sizes.length; k++) {
    const c = sizes[k]!;
    sum += c * Math.log(c);
  }
  return Math.max(0, Math.log(n) - sum / n);
}

/**
 * `MI = Σ_ij (n_ij/N) ln(N n_ij / (a_i b_j))` over the non-zero cells,
 * clipped at 0 (rounding can push an independent table a hair below).
 */
export function mutualInformation(table: Contingency): number {
  const { n, classSizes, clusterSizes, cellClass, cellCluster, cellCount } =
    table;
  if (classSizes.length <= 1 || clusterSizes.length <= 1) return 0;
  const logA = classSizes.map(Math.log);
  const logB = clusterSizes.map(Math.log);
  const logN = Math.log(n);
  let sum = 0;
  for (let c = 0; c < cellCount.length; c++) {
    const nij = cellCount[c]!;
    sum +=
      nij *
      (Math.log(nij) + logN - logA[cellClass[c]!]! - logB[cellCluster[c]!]!);
  }
  return Math.max(0, sum / n);
}

/** Terms smaller than this fraction of the mode's probability are dropped. */
const TAIL_RATIO = 1e-20;

/**
 * Expected mutual information of two labelings with class sizes `a` and
 * cluster sizes `b` when one is randomly permuted (Vinh, Epps and Bailey,
 * 2010): `EMI = Σ_ij Σ_n P(n | a_i, b_j, N) (n/N) ln(N n / (a_i b_j))` with
 * `P` the hypergeometric probability of `n` shared examples.
 *
 * Each inner sum starts at the mode of `P` (one log-factorial evaluation)
 * and walks outwards with the ratio `P(n+1)/P(n)`, stopping once `P` falls
 * below `TAIL_RATIO` times its mode; terms are O(std(n)) per cell instead of
 * O(min(a, b)). Equal sizes are grouped, so the cost is
 * O(distinct(a) · distinct(b) · std).
 */
export function expectedMutualInformation(
  a: Float64Array,
  b: Float64Array,
  n: number,
): number {
  if (a.length <= 1 || b.length <= 1) return 0;
  const groupsA = groupSizes(a);
  const groupsB = groupSizes(b);
  let emi = 0;
  for (let i = 0; i < groupsA.sizes.length; i++) {
    for (let j = 0; j < groupsB.sizes.length; j++) {
      const weight = groupsA.counts[i]! * groupsB.counts[j]!;
      emi += weight * cellExpectation(groupsA.sizes[i]!, groupsB.sizes[j]!, n);
    }
  }
  return emi;
}

function cellExpectation(a: number, b: number, n: number): number {
  const lo = Math.max(1, a + b - n);
  const hi = Math.min(a, b);
  const mode = Math.floor(((a + 1) * (b + 1)) / (n + 2));
  const m = Math.min(Math.max(mode, lo), hi);
  const rest = n - a - b; // n_ij + rest = examples in neither
  const logConst = Math.log(n) - Math.log(a) - Math.log(b);
  const logPm =
    logFactorial(a) +
    logFactorial(b) +
    logFactorial(n - a) +
    logFactorial(n - b) -
    logFactorial(n) -
    logFactorial(m) -
    logFactorial(a - m) -
    logFactorial(b - m) -
    logFactorial(rest + m);
  const pm = Math.exp(logPm);
  const floor = pm * TAIL_RATIO;

  let sum = pm * m * (logConst + Math.log(m));
  let p = pm;
  for (let k = m; k < hi && p >= floor; k++) {
    p *= ((a - k) * (b - k)) / ((k + 1) * (rest + k + 1));
    sum += p * (k + 1) * (logConst + Math.log(k + 1));
  }
  p = pm;
  for (let k = m; k > lo && p >= floor; k--) {
    p *= (k * (rest + k)) / ((a - k + 1) * (b - k + 1));
    sum += p * (k - 1) * (logConst + Math.log(k - 1));
  }
  return sum / n;
}

function groupSizes(sizes: Float64Array): {
  sizes: Float64Array;
  counts: Float64Array;
} {
  const sorted = Float64Array.from(sizes).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) counts[counts.length - 1]!++;
    else {
      distinct.push(sorted[k]!);
      counts.push(1);
    }
  }
  return {
    sizes: Float64Array.from(distinct),
    counts: Float64Array.from(counts),
  };
}

/** The mean of two entropies named by `method` (scikit-learn's meaning). */
export function averageEntropy(
  hTrue: number,
  hPred: number,
  method: AverageMethod,
): number {
  switch (method) {
    case 'min':
      return Math.min(hTrue, hPred);
    case 'max':
      return Math.max(hTrue, hPred);
    case 'geometric':
      return Math.sqrt(hTrue * hPred);
    default:
      return (hTrue + hPred) / 2;
  }
}

/**
 * True when both labelings are the same partition up to renaming: every
 * class meets exactly one cluster and vice versa.
 */
export function isSamePartition(table: Contingency): boolean {
  const nnz = table.cellCount.length;
  return nnz === table.classIds.length && nnz === table.clusterIds.length;
}
