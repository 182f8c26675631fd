// Named numerical constants of @cce/losses: every clamp, floor and tolerance
// the losses use, with the reason it has the value it has.

/**
 * Stand-in for `ln 0 = −∞` inside log-space sums (collision cross-entropy
 * adds `ln y` to the logits). `exp(LOG_ZERO + l − max)` underflows to exactly
 * 0 in float32 for any logit |l| ≤ 1e29, so classes with a zero target drop
 * out of the sum, while a finite value avoids `−∞ − (−∞) = NaN` when a whole
 * row is masked.
 */
export const LOG_ZERO = -1e30;

/**
 * Floor inside `p · ln p` terms: the smallest positive normal float32,
 * 2^−126 ≈ 1.18e−38. With it `0 · ln 0` evaluates to `0 · (−87.3) = 0`, the
 * limit value, and its gradient stays finite; for p above the floor the
 * term is exact.
 */
export const PROB_FLOOR = 2 ** -126;

/**
 * How far a target row's sum may be from 1 before `validate: true` rejects
 * it (absolute). Float32 soft labels built by normalising typically land
 * within 1e−6; 1e−4 also admits labels rounded to 4 decimals.
 */
export const SIMPLEX_TOLERANCE = 1e-4;

/**
 * Floor for `ln y` in the reverse cross-entropy `H(σ, y)`: `ln 0` is
 * replaced by `A = −4`, the value used by Wang et al. (2019) for symmetric
 * cross-entropy. Soft labels are clamped continuously,
 * `max(ln y_k, A) = ln max(y_k, e^A)`, so entries below e^−4 ≈ 0.0183 all
 * count as `A`. This bounds the loss: 0 ≤ H(σ, y) ≤ −A = 4.
 */
export const REVERSE_CE_LOG_FLOOR = -4;

/** Default `q` of the generalized cross-entropy (Zhang and Sabuncu, 2018). */
export const DEFAULT_GCE_Q = 0.7;

/** Default weight of the cross-entropy term in symmetric cross-entropy. */
export const DEFAULT_SCE_ALPHA = 0.1;

/** Default weight of the reverse term in symmetric cross-entropy. */
export const DEFAULT_SCE_BETA = 1;
