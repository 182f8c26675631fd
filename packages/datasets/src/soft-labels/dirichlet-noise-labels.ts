// Soft labels for the robustness experiment (E1): the true class mixed with
// a Dirichlet draw, `normalize((1−η)·e_t + η·d)` per example.
import { createRng } from '../rng/create-rng.js';
import { concentrationVector, sampleDirichletInto } from '../internal/gamma.js';
import {
  checkFraction,
  checkLabelArgs,
  checkSeed,
} from '../internal/soft-label-args.js';

/** Options of {@link dirichletNoiseLabels}. */
export interface DirichletNoiseOptions {
  /** True class ids `[N]` in [0, numClasses). */
  labels: Int32Array;
  /** K >= 1. */
  numClasses: number;
  /** Noise weight η in [0, 1]: 0 keeps one-hot labels, 1 is pure noise. */
  eta: number;
  /** Dirichlet concentration: one number > 0 (default 1) or K numbers. */
  alpha?: number | ArrayLike<number>;
  /** Seed; default 0. */
  seed?: number;
}

/**
 * Per example i with true class t: draws `d ~ Dirichlet(α)` and returns
 * `y_i = normalize((1 − η)·e_t + η·d)`. Both terms lie on the simplex, so
 * the normalisation only removes rounding; it is done in float64 before the
 * float32 store. α = 1 draws d uniformly from the simplex.
 *
 * The true class keeps the largest expected weight while
 * `(1 − η) + η·α_t/α₀ > η·α_k/α₀` for all k.
 *
 * @see arXiv:2303.07321 (the soft-label robustness experiment).
 * @param options - `labels`, `numClasses`, `eta`, `alpha`, `seed`.
 * @returns row-major Float32Array `[N, K]`, every row on the simplex.
 * @throws CceError for labels outside [0, K), η outside [0, 1], a
 *   non-positive α, or a bad seed.
 * @example
 * ```ts
 * const y = dirichletNoiseLabels({ labels: new Int32Array([1]), numClasses: 3, eta: 0 });
 * Array.from(y); // [0, 1, 0]
 * ```
 */
export function dirichletNoiseLabels(
  options: DirichletNoiseOptions,
): Float32Array {
  const fn = 'dirichletNoiseLabels';
  const { labels, numClasses: k } = checkLabelArgs(fn, options);
  const eta = checkFraction(fn, 'eta', options.eta);
  const alpha = concentrationVector(fn, options.alpha ?? 1, k);
  const rng = createRng(checkSeed(fn, options.seed));

  const out = new Float32Array(labels.length * k); // [N, K]
  const d = new Float64Array(k);
  const scratch = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    sampleDirichletInto(rng, alpha, d, 0, scratch);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = eta * d[j]! + (j === labels[i] ? 1 - eta : 0);
      scratch[j] = v;
      sum += v;
    }
    for (let j = 0; j < k; j++) out[i * k + j] = scratch[j]! / sum;
  }
  return out;
}
