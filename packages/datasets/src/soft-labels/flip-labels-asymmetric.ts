// Asymmetric (class-dependent) label noise: a label flips, with a given
// probability, to one fixed confusable class (e.g. cat ↔ dog).
import { CceError, formatValue } from '@cce/errors';
import { createRng } from '../rng/create-rng.js';
import {
  checkFraction,
  checkLabelArgs,
  checkSeed,
} from '../internal/soft-label-args.js';

/** Options of {@link flipLabelsAsymmetric}. */
export interface AsymmetricFlipOptions {
  /** True class ids `[N]` in [0, numClasses). */
  labels: Int32Array;
  /** K >= 2. */
  numClasses: number;
  /** Flip probability in [0, 1] for each example of a mapped class. */
  rate: number;
  /**
   * Target class of each class, length K; `mapping[t] === t` means class t
   * never flips. Default: the pair flip `t → (t + 1) mod K`.
   */
  mapping?: ArrayLike<number>;
  /** Seed; default 0. */
  seed?: number;
}

/**
 * Asymmetric label flips: independently for each example of class t, with
 * probability `rate`, the label becomes `mapping[t]`; the result is
 * one-hot. Noise transition: `P(t → mapping[t]) = rate` for mapped classes.
 * For CIFAR-10 the usual mapping is truck → automobile, bird → airplane,
 * deer → horse, cat ↔ dog: `[0, 1, 0, 5, 7, 3, 6, 7, 8, 1]`.
 *
 * @param options - `labels`, `numClasses`, `rate`, `mapping`, `seed`.
 * @returns one-hot rows, row-major Float32Array `[N, K]`.
 * @throws CceError for K < 2, labels outside [0, K), rate outside [0, 1],
 *   or a mapping of the wrong length or with entries outside [0, K).
 * @example
 * ```ts
 * const y = flipLabelsAsymmetric({
 *   labels: new Int32Array([0, 1]), numClasses: 2, rate: 1, mapping: [1, 1],
 * });
 * Array.from(y); // [0, 1, 0, 1]
 * ```
 */
export function flipLabelsAsymmetric(
  options: AsymmetricFlipOptions,
): Float32Array {
  const fn = 'flipLabelsAsymmetric';
  const { labels, numClasses: k } = checkLabelArgs(fn, options, 2);
  const rate = checkFraction(fn, 'rate', options.rate);
  const mapping = checkMapping(fn, options.mapping, k);
  const rng = createRng(checkSeed(fn, options.seed));

  const out = new Float32Array(labels.length * k); // [N, K]
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!;
    const target = mapping[t]!;
    // Draw for every example so the stream does not depend on the mapping.
    const flip = rng.next() < rate;
    out[i * k + (flip ? target : t)] = 1;
  }
  return out;
}

function checkMapping(fn: string, mapping: unknown, k: number): Int32Array {
  if (mapping === undefined)
    return Int32Array.from({ length: k }, (_, t) => (t + 1) % k);
  const m = mapping as ArrayLike<number>;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    m.length === k &&
    Array.from(m).every((v) => Number.isInteger(v) && v >= 0 && v < k);
  if (!ok) {
    throw new CceError({
      fn,
      argument: 'mapping',
      expected: `${k} integers in [0, ${k}) (one target class per class)`,
      received: formatValue(mapping),
    });
  }
  return Int32Array.from(m);
}
