// Named numerical constants of @cce/em-solver: every clamp, floor and
// default lives here so the docs and the code cite the same numbers.

/**
 * Smallest value an entry of a multiplicative (EM-type) iterate may take.
 * Over-relaxed steps raise ratios to large powers; an entry that underflowed
 * to 0 could never grow back, so entries are floored here instead.
 */
export const PSEUDO_LABEL_FLOOR = 1e-30;

/**
 * Probabilities below this are read as this value inside `ln σ` (forward and
 * SeLa costs), so a zero probability costs `−ln 1e-300 ≈ 690.8` nats, not ∞.
 */
export const PROB_LOG_FLOOR = 1e-300;

/**
 * Class marginals `ȳ_k` below this are read as this value inside the
 * gradient `ln(K ȳ_k)` of the forward prior (the value itself uses
 * `0 · ln 0 = 0`).
 */
export const MARGINAL_LOG_FLOOR = 1e-300;

/** Rows of `probs` and `init` must sum to 1 within this, by default. */
export const DEFAULT_ROW_SUM_TOLERANCE = 1e-4;

/** Default stop rule: relative change of the objective below this. */
export const DEFAULT_TOLERANCE = 1e-6;

/** Default iteration cap. */
export const DEFAULT_MAX_ITERATIONS = 1000;

/** Default entropic weight ε of the SeLa problem (SeLa's λ = 1/ε = 10). */
export const DEFAULT_SELA_EPSILON = 0.1;

/**
 * Denominator floor of the relative-change stop rule:
 * `|F_prev − F| <= tol · max(|F|, RELATIVE_CHANGE_FLOOR)`.
 */
export const RELATIVE_CHANGE_FLOOR = 1e-12;

/**
 * Share of the uniform distribution mixed into solvePseudoLabels' default
 * warm start (σ itself) for EM when σ has an exact 0 somewhere.
 */
export const DEFAULT_INIT_SMOOTHING = 1e-9;

/**
 * History length m of the Anderson phase of 'em-accelerated' (m + 1 EM
 * images and residuals are kept). E3 prototype: m = 3 takes most of the gain
 * of m = 10 at K = 1000 for a third of the memory traffic.
 */
export const ANDERSON_MEMORY = 3;

/**
 * The Anderson phase of 'em-accelerated' runs only from this many classes
 * on (the reverse problem; the collision problem with many classes takes
 * the working-set phase); below it the slow phase is the cheaper
 * over-relaxed EM with a growing ω. Measured on the E3 instances (collision,
 * before the working-set phase): at K = 100 Anderson saved no iterations
 * and its vector work made each one about 4× dearer; at K = 1000 it
 * reached 1e-4 where nothing else did.
 */
// LIMITATION(L-001): below this, strongly coupled problems stay slow.
export const ANDERSON_MIN_CLASSES = 500;
