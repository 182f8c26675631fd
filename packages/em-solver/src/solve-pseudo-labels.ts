// One-shot pseudo-label solve (self-labeling step 2 of DESIGN.md): checks
// the inputs, runs one method and returns the labels with their history.
import { CceError, formatValue } from '@cce/errors';
import { DEFAULT_INIT_SMOOTHING } from './constants.js';
import { resolveProblem, resolveSettings, Runner } from './internal/runner.js';
import {
  checkNumClasses,
  checkRowCount,
  checkTypedArray,
} from './internal/validate.js';
import type {
  HistoryEntry,
  ProbArray,
  SolverSettings,
  SolveSummary,
} from './types.js';

/** Options of {@link solvePseudoLabels}. */
export interface SolvePseudoLabelsOptions extends SolverSettings {
  /** σ, row-major `[N, K]`, rows on the simplex. */
  probs: ProbArray;
  /** K, the number of classes (integer >= 2). */
  numClasses: number;
  /**
   * Warm start `[N, K]` (e.g. the stored pseudo-labels); default σ itself.
   * EM methods need every entry > 0. Not read by `sinkhorn`.
   */
  init?: ProbArray;
}

/** Result of {@link solvePseudoLabels}. */
export interface SolvePseudoLabelsResult extends SolveSummary {
  /** y `[N, K]`, same array type as `probs`, rows on the simplex. */
  pseudoLabels: ProbArray;
  /** `F(y)` at iteration 0 (the start) and after every iteration. */
  history: HistoryEntry[];
}

/**
 * Solves a batch's pseudo-label problem `min_y F(y)` with σ fixed.
 *
 * Objectives (`ȳ = mean_i y_i`, `u` uniform; DESIGN.md "Self-labeling"):
 * - `collision` (default): `F = mean_i H₂(y_i, σ_i) + λ·KL(u‖ȳ)`;
 * - `reverse`: `F = mean_i H(σ_i, y_i) + λ·KL(u‖ȳ)`;
 * - `forward`: `F = mean_i H(y_i, σ_i) + λ·KL(ȳ‖u)`;
 * - `sela`: `F = mean_i H(y_i, σ_i) − ε·mean_i H(y_i)` subject to `ȳ = u`.
 *
 * Methods: `em-accelerated` (default for collision and reverse; over-relaxed
 * EM that never increases F), `em`, `pgd`, `pgd-fixed`, `spg` (default for
 * forward), `sinkhorn` (sela only). λ = 0 is solved in closed form (one-hot
 * at argmax σ; `reverse`: y = σ). Stop rules, first met: relative change
 * `|F_prev − F| <= tol·|F|`, `maxIter` iterations, `timeBudgetMs`
 * (sinkhorn: `max_k |K·ȳ_k − 1| <= tol` instead of the relative change).
 *
 * Shapes: `probs` and `init` are `[N, K]` row-major (length N·K); the
 * result's `pseudoLabels` is `[N, K]`. Ranges: rows of `probs` and `init`
 * are non-negative and sum to 1 within `rowSumTolerance` (1e-4); λ >= 0.
 * Stability: EM iterates are floored at `PSEUDO_LABEL_FLOOR` (1e-30); ln σ
 * reads σ below `PROB_LOG_FLOOR` (1e-300) as that value.
 *
 * @throws CceError for `probs` or `init` that are not Float32Array or
 *   Float64Array, whose length is not a multiple of `numClasses` (or
 *   differ), with negative, NaN or infinite entries, or rows not summing to
 *   1; for `numClasses` < 2, λ < 0 or missing, an unknown objective or a
 *   method that does not solve it, an `init` with a zero entry for `em` or
 *   `em-accelerated`, and bad `tol`, `maxIter`, `timeBudgetMs`, `epsilon`,
 *   `stepSize` or `onIteration`.
 * @see arXiv:2303.07321 (Zhang and Boykov), Sec. 3 (self-labeling with the
 *   collision cross-entropy and its EM pseudo-label step; section number
 *   unverified).
 * @example
 * ```ts
 * const { pseudoLabels, stopReason } = solvePseudoLabels({
 *   probs: new Float64Array([0.8, 0.2]),
 *   numClasses: 2,
 *   lambda: 1,
 *   tol: 1e-12,
 * });
 * // pseudoLabels[0] ≈ (7 + √97) / 24 ≈ 0.702036, stopReason 'tolerance'
 * ```
 */
export function solvePseudoLabels(
  options: SolvePseudoLabelsOptions,
): SolvePseudoLabelsResult {
  const fn = 'solvePseudoLabels';
  checkOptions(fn, options);
  const numClasses = checkNumClasses(fn, options.numClasses);
  const probs = checkTypedArray(fn, 'probs', options.probs);
  const n = checkRowCount(fn, 'probs', probs, numClasses);
  const { objective, method } = resolveProblem(
    fn,
    options.objective,
    options.method,
  );
  const settings = resolveSettings(fn, objective, options);

  const history: HistoryEntry[] = [];
  const user = settings.onIteration;
  settings.onIteration = (iteration, objectiveValue, timeMs) => {
    history.push({ iteration, objectiveValue, timeMs });
    user?.(iteration, objectiveValue, timeMs);
  };
  const emType = method === 'em' || method === 'em-accelerated';
  const pseudoLabels = startingPoint(fn, options.init, probs, n, emType);
  const runner = new Runner(numClasses, n, objective, method, settings);
  const summary = runner.solve(fn, 'init', probs, pseudoLabels, n, undefined);

  return { ...summary, pseudoLabels, history };
}

function checkOptions(fn: string, options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new CceError({
      fn,
      argument: 'options',
      expected: 'an object',
      received: formatValue(options),
    });
  }
}

/**
 * A copy of `init` in the array type of `probs`, or σ itself. For EM the
 * default start mixes in DEFAULT_INIT_SMOOTHING of the uniform
 * distribution where σ has a zero (EM cannot move an entry away from 0).
 */
function startingPoint(
  fn: string,
  init: ProbArray | undefined,
  probs: ProbArray,
  n: number,
  emType: boolean,
): ProbArray {
  const out =
    probs instanceof Float32Array
      ? new Float32Array(probs.length)
      : new Float64Array(probs.length);
  if (init !== undefined) {
    checkTypedArray(fn, 'init', init);
    if (init.length !== probs.length) {
      throw new CceError({
        fn,
        argument: 'init',
        expected: `the length of 'probs' (${probs.length})`,
        received: `length ${init.length}`,
      });
    }
    out.set(init);
    return out;
  }
  out.set(probs);
  if (emType && probs.includes(0)) {
    const K = probs.length / n;
    const d = DEFAULT_INIT_SMOOTHING;
    for (let j = 0; j < out.length; j++) out[j] = (1 - d) * out[j]! + d / K;
  }
  return out;
}
