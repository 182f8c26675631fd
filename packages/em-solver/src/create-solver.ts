// A reusable pseudo-label solver with preallocated buffers: the trainer's
// hot path (one call per mini-batch, warm-started, nothing allocated per
// iteration).
import { CceError, formatValue } from '@cce/errors';
import {
  resolveProblem,
  resolveSettings,
  Runner,
  type SolveOverrides,
} from './internal/runner.js';
import { checkNumber, checkNumClasses, RULES } from './internal/validate.js';
import type {
  ProbArray,
  PseudoLabelMethod,
  PseudoLabelObjective,
  SolverSettings,
  SolveSummary,
} from './types.js';

export type { SolveOverrides } from './internal/runner.js';

/** Options of {@link createSolver}. */
export interface CreateSolverOptions extends SolverSettings {
  /** K, the number of classes (integer >= 2). */
  numClasses: number;
  /** The most rows one call may solve; buffers are sized for it. */
  maxRows: number;
}

/** A solver made by {@link createSolver}. */
export interface PseudoLabelSolver {
  readonly numClasses: number;
  readonly maxRows: number;
  readonly objective: PseudoLabelObjective;
  readonly method: PseudoLabelMethod;
  /**
   * Solves the first `n` rows of `probs` ([n, K] row-major, at least n·K
   * entries), warm-started from the first n·K entries of `pseudoLabels`,
   * which receive the result (rounded to float32 for a Float32Array).
   * Returns one summary object owned by the solver, overwritten by the next
   * call: copy its fields to keep them.
   */
  solveInPlace(
    probs: ProbArray,
    pseudoLabels: ProbArray,
    n: number,
    overrides?: SolveOverrides,
  ): SolveSummary;
}

/**
 * Creates a reusable solver for one pseudo-label problem; see
 * {@link solvePseudoLabels} for the objectives, methods and stop rules.
 *
 * All float64 buffers (σ, the iterate, a second point, and for pgd/spg the
 * gradients: 2 to 5 arrays of maxRows·K) are allocated here; a call to
 * `solveInPlace` copies its inputs in, iterates without allocating, and
 * copies the result out. Settings given here are defaults that `overrides`
 * may change per call (λ, tol, maxIter, timeBudgetMs, epsilon, stepSize,
 * onIteration).
 *
 * Shapes: `probs`, `pseudoLabels` are [n, K] with n <= maxRows.
 * Ranges: rows on the simplex (checked to `rowSumTolerance` when
 * `validate`); for `em` and `em-accelerated` the warm start must be > 0.
 *
 * @throws CceError for bad options here, and from `solveInPlace` for a bad
 *   `n`, short arrays, entries that are negative or not finite, rows off the
 *   simplex, a zero in an EM warm start, or bad overrides.
 * @see arXiv:2303.07321 (Zhang and Boykov), collision cross-entropy and
 *   its EM pseudo-label step.
 * @example
 * ```ts
 * const solver = createSolver({ numClasses: 2, maxRows: 1, lambda: 1 });
 * const y = new Float64Array([0.5, 0.5]);
 * solver.solveInPlace(new Float64Array([0.8, 0.2]), y, 1, { tol: 1e-12 });
 * // y[0] ≈ (7 + √97) / 24 ≈ 0.702036
 * ```
 */
export function createSolver(options: CreateSolverOptions): PseudoLabelSolver {
  const fn = 'createSolver';
  if (typeof options !== 'object' || options === null) {
    throw new CceError({
      fn,
      argument: 'options',
      expected: 'an object',
      received: formatValue(options),
    });
  }
  const numClasses = checkNumClasses(fn, options.numClasses);
  const maxRows = checkNumber(fn, 'maxRows', options.maxRows, RULES.rows);
  const { objective, method } = resolveProblem(
    fn,
    options.objective,
    options.method,
  );
  const base = resolveSettings(fn, objective, options);
  const runner = new Runner(numClasses, maxRows, objective, method, base);
  return {
    numClasses,
    maxRows,
    objective,
    method,
    solveInPlace(probs, pseudoLabels, n, overrides) {
      return runner.solve(
        'solveInPlace',
        'pseudoLabels',
        probs,
        pseudoLabels,
        n,
        overrides,
      );
    },
  };
}
