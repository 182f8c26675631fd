// The exact value F(y) of each pseudo-label objective (DESIGN.md,
// "Self-labeling"), for callers and tests to evaluate any y.
import { CceError, formatValue } from '@cce/errors';
import {
  DEFAULT_ROW_SUM_TOLERANCE,
  DEFAULT_SELA_EPSILON,
  PROB_LOG_FLOOR,
} from './constants.js';
import { marginalKlSum, uniformKlSum } from './internal/priors.js';
import {
  checkLambda,
  checkNumber,
  checkNumClasses,
  checkObjective,
  checkRowCount,
  checkRows,
  checkTypedArray,
  RULES,
} from './internal/validate.js';
import type { ProbArray, PseudoLabelObjective } from './types.js';

/** Options of {@link pseudoLabelObjective}. */
export interface PseudoLabelObjectiveOptions {
  /** σ `[N, K]` row-major, rows on the simplex. */
  probs: ProbArray;
  /** y `[N, K]` row-major, rows on the simplex. */
  pseudoLabels: ProbArray;
  /** K (integer >= 2). */
  numClasses: number;
  /** λ >= 0; required except for `sela`. */
  lambda?: number;
  /** Default `'collision'`. */
  objective?: PseudoLabelObjective;
  /** SeLa's entropic weight ε > 0; default 0.1. */
  epsilon?: number;
  /** Check rows (finite, >= 0, sum 1 within rowSumTolerance); default true. */
  validate?: boolean;
  /** Default 1e-4. */
  rowSumTolerance?: number;
}

/**
 * The objective value `F(y)` of a pseudo-label problem, in nats, as the
 * solvers report it:
 * - `collision`: `mean_i −ln(y_i·σ_i) + λ·KL(u‖ȳ)`;
 * - `reverse`: `mean_i −Σ_k σ_ik ln y_ik + λ·KL(u‖ȳ)` (`0·ln 0 = 0`);
 * - `forward`: `mean_i −Σ_k y_ik ln σ_ik + λ·KL(ȳ‖u)`;
 * - `sela`: `mean_i Σ_k y_ik (ε ln y_ik − ln σ_ik)`, i.e.
 *   `mean H(y_i, σ_i) − ε·mean H(y_i)`; the constraint `ȳ = u` is not
 *   checked (read it from the solver's `marginalError`).
 *
 * with `KL(u‖ȳ) = −ln K − (1/K) Σ_k ln ȳ_k` and
 * `KL(ȳ‖u) = Σ_k ȳ_k ln(K ȳ_k)`.
 *
 * Shapes: `probs` and `pseudoLabels` `[N, K]`, same length; returns a
 * number. Stability: `ln σ` in the forward and SeLa costs reads σ below
 * `PROB_LOG_FLOOR` (1e-300) as that value. The value is `+∞` where the
 * problem is: `y_i·σ_i = 0` (collision), `y_ik = 0 < σ_ik` (reverse), or an
 * empty class `ȳ_k = 0` with λ > 0 under `KL(u‖ȳ)`.
 *
 * @throws CceError for arrays that are not Float32Array or Float64Array,
 *   of different lengths or not a multiple of `numClasses`, entries that
 *   are negative or not finite, rows not summing to 1, `numClasses` < 2,
 *   λ < 0 or missing, ε <= 0, or an unknown objective.
 * @see arXiv:2303.07321 (Zhang and Boykov), the collision cross-entropy
 *   H₂ and the fairness term KL(u‖ȳ) of its self-labeling loss.
 * @example
 * ```ts
 * pseudoLabelObjective({
 *   probs: new Float64Array([0.8, 0.2]),
 *   pseudoLabels: new Float64Array([0.5, 0.5]),
 *   numClasses: 2,
 *   lambda: 1,
 * }); // −ln 0.5 + 0 = ln 2 ≈ 0.693147
 * ```
 */
export function pseudoLabelObjective(
  options: PseudoLabelObjectiveOptions,
): number {
  const fn = 'pseudoLabelObjective';
  if (typeof options !== 'object' || options === null) {
    throw new CceError({
      fn,
      argument: 'options',
      expected: 'an object',
      received: formatValue(options),
    });
  }
  const { probs, pseudoLabels, n, K } = checkArrays(fn, options);
  const objective = checkObjective(fn, options.objective ?? 'collision');
  const lambda = checkLambda(fn, options.lambda, objective === 'sela');
  const epsilon = checkNumber(
    fn,
    'epsilon',
    options.epsilon ?? DEFAULT_SELA_EPSILON,
    RULES.positive,
  );

  const col = new Float64Array(K);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += rowTerm(objective, probs, pseudoLabels, i * K, K, epsilon);
    for (let k = 0; k < K; k++) col[k] = col[k]! + pseudoLabels[i * K + k]!;
  }

  if (objective === 'forward') sum += marginalKlSum(col, n, K, lambda);
  else if (objective !== 'sela') sum += uniformKlSum(col, n, K, lambda);
  return sum / n;
}

function checkArrays(fn: string, options: PseudoLabelObjectiveOptions) {
  const K = checkNumClasses(fn, options.numClasses);
  const probs = checkTypedArray(fn, 'probs', options.probs);
  const pseudoLabels = checkTypedArray(
    fn,
    'pseudoLabels',
    options.pseudoLabels,
  );
  const n = checkRowCount(fn, 'probs', probs, K);
  if (pseudoLabels.length !== probs.length) {
    throw new CceError({
      fn,
      argument: 'pseudoLabels',
      expected: `the length of 'probs' (${probs.length})`,
      received: `length ${pseudoLabels.length}`,
    });
  }
  if (options.validate ?? true) {
    const tolerance = checkNumber(
      fn,
      'rowSumTolerance',
      options.rowSumTolerance ?? DEFAULT_ROW_SUM_TOLERANCE,
      RULES.nonNegative,
    );
    checkRows(fn, 'probs', probs, n, K, tolerance);
    checkRows(fn, 'pseudoLabels', pseudoLabels, n, K, tolerance);
  }
  return { probs, pseudoLabels, n, K };
}

/** The data term of one row (summed form). */
function rowTerm(
  objective: PseudoLabelObjective,
  sigma: ProbArray,
  y: ProbArray,
  r: number,
  K: number,
  epsilon: number,
): number {
  let sum = 0;
  if (objective === 'collision') {
    for (let k = 0; k < K; k++) sum += y[r + k]! * sigma[r + k]!;
    return -Math.log(sum);
  }
  for (let k = 0; k < K; k++) {
    const s = sigma[r + k]!;
    const v = y[r + k]!;
    if (objective === 'reverse') {
      if (s > 0) sum -= s * Math.log(v);
    } else if (v > 0) {
      const entropic = objective === 'sela' ? epsilon * Math.log(v) : 0;
      sum += v * (entropic - Math.log(Math.max(s, PROB_LOG_FLOOR)));
    }
  }
  return sum;
}
