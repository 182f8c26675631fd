// Label smoothing (Szegedy et al. 2016): every one-hot target moves a share
// ε of its mass to the uniform distribution.
import { checkFraction, checkLabelArgs } from '../internal/soft-label-args.js';

/** Options of {@link smoothLabels}. */
export interface SmoothLabelsOptions {
  /** Class ids `[N]` in [0, numClasses). */
  labels: Int32Array;
  /** K >= 1. */
  numClasses: number;
  /** Smoothing ε in [0, 1]. */
  epsilon: number;
}

/**
 * Label smoothing: `y_i = (1 − ε)·e_t + ε/K`, so the true class gets
 * `1 − ε + ε/K` and every other class `ε/K`. Deterministic.
 *
 * @param options - `labels`, `numClasses`, `epsilon`.
 * @returns row-major Float32Array `[N, K]`, every row on the simplex.
 * @throws CceError for labels outside [0, K) or ε outside [0, 1].
 * @example
 * ```ts
 * const y = smoothLabels({ labels: new Int32Array([0]), numClasses: 4, epsilon: 0.2 });
 * Array.from(y); // [0.85, 0.05, 0.05, 0.05] (float32)
 * ```
 */
export function smoothLabels(options: SmoothLabelsOptions): Float32Array {
  const fn = 'smoothLabels';
  const { labels, numClasses: k } = checkLabelArgs(fn, options);
  const epsilon = checkFraction(fn, 'epsilon', options.epsilon);

  const out = new Float32Array(labels.length * k).fill(epsilon / k); // [N, K]
  for (let i = 0; i < labels.length; i++) {
    out[i * k + labels[i]!] = 1 - epsilon + epsilon / k;
  }
  return out;
}
