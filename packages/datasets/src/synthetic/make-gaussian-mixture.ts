// Seeded isotropic Gaussian mixtures with controlled class separation and
// class imbalance: the simplest clustering benchmark with a known answer.
import { createRng, type Rng } from '../rng/create-rng.js';
import { permuteRows, randomPermutation } from '../internal/permutation.js';
import {
  assertGreater,
  assertInt,
  assertNumber,
} from '../internal/validate.js';
import type { SyntheticDataset } from './types.js';

/** Options of {@link makeGaussianMixture}. */
export interface GaussianMixtureOptions {
  /** N >= 1. */
  numSamples: number;
  /** K >= 1. */
  numClasses: number;
  /** D >= 1. */
  dim: number;
  /**
   * Smallest distance between two class means, in units of `std`;
   * default 4. With dim >= numClasses all distances equal it.
   */
  separation?: number;
  /** Standard deviation of every coordinate within a class; default 1. */
  std?: number;
  /**
   * Size ratio of the largest to the smallest class, >= 1; default 1
   * (balanced). Sizes fall geometrically from class 0 to class K−1.
   */
  imbalance?: number;
  /** Seed; default 0. */
  seed?: number;
  /** Shuffle the rows (else sorted by class); default true. */
  shuffle?: boolean;
}

/** A Gaussian mixture sample and its class means. */
export interface GaussianMixture extends SyntheticDataset {
  /** Class means `[K, D]`, row-major. */
  means: Float64Array;
  /** Examples per class `[K]`. */
  counts: Int32Array;
}

/**
 * Samples N points from K isotropic Gaussians in D dimensions:
 * `x = μ_t + std·z`, `z ~ N(0, I_D)`.
 *
 * Means: when D >= K, `μ_k = s·std/√2 · e_k` (a regular simplex: every pair
 * is exactly `s·std` apart, s = separation); when D < K, K standard normal
 * points rescaled so that the closest pair is `s·std` apart. Class sizes
 * are proportional to `imbalance^(−k/(K−1))`, rounded by largest remainder
 * so they sum to N (a class can get 0 examples when N is tiny).
 *
 * @param options - see {@link GaussianMixtureOptions}.
 * @returns features `[N, D]`, labels `[N]`, means `[K, D]`, counts `[K]`.
 * @throws CceError for a non-integer or non-positive size, a negative
 *   separation, std <= 0 or imbalance < 1.
 * @example
 * ```ts
 * const g = makeGaussianMixture({ numSamples: 100, numClasses: 3, dim: 5, seed: 1 });
 * g.shape; // [100, 5]
 * ```
 */
export function makeGaussianMixture(
  options: GaussianMixtureOptions,
): GaussianMixture {
  const fn = 'makeGaussianMixture';
  const { numSamples: n, numClasses: k, dim: d } = options;
  assertInt(fn, 'numSamples', n, 1);
  assertInt(fn, 'numClasses', k, 1);
  assertInt(fn, 'dim', d, 1);
  const separation = options.separation ?? 4;
  assertNumber(fn, 'separation', separation, 0);
  const std = options.std ?? 1;
  assertGreater(fn, 'std', std, 0);
  const imbalance = options.imbalance ?? 1;
  assertNumber(fn, 'imbalance', imbalance, 1);
  const seed = options.seed ?? 0;
  assertInt(fn, 'seed', seed, 0);

  const rng = createRng(seed);
  const means = placeMeans(k, d, separation * std, rng);
  const counts = classCounts(n, k, imbalance);
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  let i = 0;
  for (let c = 0; c < k; c++) {
    for (let m = 0; m < counts[c]!; m++, i++) {
      labels[i] = c;
      for (let j = 0; j < d; j++) {
        x[i * d + j] = means[c * d + j]! + std * rng.normal();
      }
    }
  }
  const out =
    options.shuffle === false
      ? { x, labels }
      : permuteRows(x, labels, d, randomPermutation(n, rng));
  return {
    features: out.x,
    labels: out.labels,
    shape: [n, d],
    numClasses: k,
    means,
    counts,
  };
}

/** Means `[K, D]` whose closest pair is `distance` apart. */
function placeMeans(
  k: number,
  d: number,
  distance: number,
  rng: Rng,
): Float64Array {
  const means = new Float64Array(k * d);
  if (k === 1) return means;
  if (d >= k) {
    for (let c = 0; c < k; c++) means[c * d + c] = distance / Math.SQRT2;
    return means;
  }
  for (let i = 0; i < means.length; i++) means[i] = rng.normal();
  let closest = Number.POSITIVE_INFINITY;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += (means[a * d + j]! - means[b * d + j]!) ** 2;
      closest = Math.min(closest, Math.sqrt(s));
    }
  }
  // Two normal draws coincide with probability 0; guard anyway.
  const scale = closest > 0 ? distance / closest : 0;
  for (let i = 0; i < means.length; i++) means[i] = means[i]! * scale;
  return means;
}

/** Geometric class sizes summing to n (largest-remainder rounding). */
function classCounts(n: number, k: number, imbalance: number): Int32Array {
  const weights = Array.from({ length: k }, (_, c) =>
    k === 1 ? 1 : imbalance ** (-c / (k - 1)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (n * w) / total);
  const counts = Int32Array.from(exact, Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, c) => [e - Math.floor(e), c] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, c] of order) {
    if (left-- <= 0) break;
    counts[c] = counts[c]! + 1;
  }
  return counts;
}
