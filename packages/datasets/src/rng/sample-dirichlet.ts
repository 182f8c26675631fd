// Dirichlet(α) sampling as normalised Gamma draws, computed in log space so
// that tiny concentrations (α = 0.01) still give a valid point on the simplex.
import type { Rng } from './create-rng.js';
import { concentrationVector, sampleDirichletInto } from '../internal/gamma.js';
import { assertInt } from '../internal/validate.js';

/**
 * Draws one point from the Dirichlet distribution Dir(α) on the simplex
 * Δ^K: `d_k = G_k / Σ_j G_j` with independent `G_k ~ Gamma(α_k, 1)`.
 * Mean `α_k / α₀` and variance `α_k (α₀ − α_k) / (α₀² (α₀ + 1))`, where
 * `α₀ = Σ_k α_k`.
 *
 * The normalisation is done on ln G_k (a softmax), so concentrations far
 * below 1 cannot underflow every entry to 0. Entries are >= 0 and sum to 1
 * up to float64 rounding.
 *
 * @param rng - the generator to draw from.
 * @param alpha - one concentration > 0 for every class, or an array of K.
 * @param numClasses - K >= 1; required when `alpha` is a number.
 * @returns a Float64Array of length K.
 * @throws CceError when `numClasses` is not an integer >= 1 or an entry of
 *   `alpha` is not a finite number > 0.
 * @example
 * ```ts
 * const d = sampleDirichlet(createRng(7), 1, 3);
 * d.length; // 3, and d[0] + d[1] + d[2] is 1 to 1e-12
 * ```
 */
export function sampleDirichlet(
  rng: Rng,
  alpha: number | ArrayLike<number>,
  numClasses: number = typeof alpha === 'number' ? Number.NaN : alpha.length,
): Float64Array {
  assertInt('sampleDirichlet', 'numClasses', numClasses, 1);
  const a = concentrationVector('sampleDirichlet', alpha, numClasses);

  const out = new Float64Array(numClasses);
  sampleDirichletInto(rng, a, out, 0, new Float64Array(numClasses));
  return out;
}
