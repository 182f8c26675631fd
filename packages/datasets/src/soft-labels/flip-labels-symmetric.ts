// Symmetric (uniform) label noise: each label is replaced, with a given
// probability, by one of the other classes chosen uniformly.
import { createRng } from '../rng/create-rng.js';
import {
  checkFraction,
  checkLabelArgs,
  checkSeed,
} from '../internal/soft-label-args.js';

/** Options of {@link flipLabelsSymmetric}. */
export interface SymmetricFlipOptions {
  /** True class ids `[N]` in [0, numClasses). */
  labels: Int32Array;
  /** K >= 2. */
  numClasses: number;
  /** Flip probability in [0, 1] for each example. */
  rate: number;
  /** Seed; default 0. */
  seed?: number;
}

/**
 * Symmetric label flips: independently for each example, with probability
 * `rate`, the label t becomes a class drawn uniformly from the K − 1 others;
 * the result is one-hot. Noise transition: `P(t → k) = rate/(K−1)` for
 * `k ≠ t`. The number of flips is Binomial(N, rate), not fixed.
 *
 * @param options - `labels`, `numClasses`, `rate`, `seed`.
 * @returns one-hot rows, row-major Float32Array `[N, K]`.
 * @throws CceError for K < 2, labels outside [0, K), rate outside [0, 1].
 * @example
 * ```ts
 * const y = flipLabelsSymmetric({ labels: new Int32Array([0]), numClasses: 2, rate: 1 });
 * Array.from(y); // [0, 1]
 * ```
 */
export function flipLabelsSymmetric(
  options: SymmetricFlipOptions,
): Float32Array {
  const fn = 'flipLabelsSymmetric';
  const { labels, numClasses: k } = checkLabelArgs(fn, options, 2);
  const rate = checkFraction(fn, 'rate', options.rate);
  const rng = createRng(checkSeed(fn, options.seed));

  const out = new Float32Array(labels.length * k); // [N, K]
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!;
    let noisy = t;
    if (rng.next() < rate) {
      const other = rng.int(k - 1); // one of the K − 1 other classes
      noisy = other >= t ? other + 1 : other;
    }
    out[i * k + noisy] = 1;
  }
  return out;
}
