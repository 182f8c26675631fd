// Shared public types of @cce/metrics: label arrays and option shapes.

/**
 * Integer labels of length `N`: class or cluster ids, each an integer in
 * `[0, 2147483647]`. Ids need not be contiguous; metrics remap them.
 */
export type LabelArray =
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | readonly number[];

/**
 * How the two entropies are averaged in the denominator of normalised and
 * adjusted mutual information, with scikit-learn's meaning of
 * `average_method`: `min(Hᵤ, Hᵥ)`, `√(Hᵤ·Hᵥ)`, `(Hᵤ + Hᵥ) / 2` or
 * `max(Hᵤ, Hᵥ)`.
 */
export type AverageMethod = 'arithmetic' | 'geometric' | 'min' | 'max';

/** Options of {@link normalizedMutualInfo} and {@link adjustedMutualInfo}. */
export interface MutualInfoOptions {
  /** Mean of the two entropies used to normalise; default `'arithmetic'`. */
  averageMethod?: AverageMethod;
}
