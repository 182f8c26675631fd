// Public types of @cce/em-solver: objectives, methods, options and results
// shared by solvePseudoLabels and createSolver.

/** A typed array of probabilities, row-major `[N, K]`. */
export type ProbArray = Float32Array | Float64Array;

/**
 * The pseudo-label problem (see DESIGN.md, "Self-labeling"):
 * - `collision`: `mean_i H₂(y_i, σ_i) + λ·KL(u‖ȳ)`;
 * - `reverse`: `mean_i H(σ_i, y_i) + λ·KL(u‖ȳ)`;
 * - `forward`: `mean_i H(y_i, σ_i) + λ·KL(ȳ‖u)`;
 * - `sela`: `mean_i H(y_i, σ_i) − ε·mean_i H(y_i)` subject to `ȳ = u`.
 */
export type PseudoLabelObjective = 'collision' | 'reverse' | 'forward' | 'sela';

/**
 * The solver:
 * - `em`: closed-form E and M steps (collision, reverse);
 * - `em-accelerated`: over-relaxed EM with a monotonicity safeguard
 *   (collision, reverse);
 * - `pgd`: projected gradient with Armijo backtracking (all but sela);
 * - `pgd-fixed`: projected gradient with a fixed step (all but sela);
 * - `spg`: spectral projected gradient (all but sela);
 * - `sinkhorn`: Sinkhorn–Knopp scaling (sela only).
 */
export type PseudoLabelMethod =
  | 'em'
  | 'em-accelerated'
  | 'pgd'
  | 'pgd-fixed'
  | 'spg'
  | 'sinkhorn';

/**
 * Why a solve stopped:
 * - `tolerance`: relative change of the objective below `tol` (sinkhorn:
 *   class-marginal error below `tol`);
 * - `max-iterations`, `time-budget`: the caps;
 * - `closed-form`: λ = 0, solved exactly without iterating;
 * - `stalled`: no step could lower the objective any more (rounding level),
 *   or a line search ran out of backtracking steps;
 * - `diverged`: the objective became non-finite (only `pgd-fixed` can do
 *   this); the last finite iterate is returned.
 */
export type StopReason =
  | 'tolerance'
  | 'max-iterations'
  | 'time-budget'
  | 'closed-form'
  | 'stalled'
  | 'diverged';

/** Called after the initial evaluation (iteration 0) and every iteration. */
export type IterationCallback = (
  iteration: number,
  objectiveValue: number,
  elapsedMs: number,
) => void;

/** Settings shared by solvePseudoLabels and createSolver. */
export interface SolverSettings {
  /** The problem; default `'collision'`. */
  objective?: PseudoLabelObjective;
  /**
   * The solver; default `'em-accelerated'` for collision and reverse, `'spg'`
   * for forward, `'sinkhorn'` for sela.
   */
  method?: PseudoLabelMethod;
  /** Fairness weight λ >= 0; required except for sela (ignored there). */
  lambda?: number;
  /** Stop when the relative objective change is below this; default 1e-6. */
  tol?: number;
  /** Iteration cap (integer >= 0); default 1000. */
  maxIter?: number;
  /** Wall-time cap in milliseconds; default Infinity. */
  timeBudgetMs?: number;
  /** SeLa's entropic weight ε > 0; default 0.1. */
  epsilon?: number;
  /**
   * Step of `pgd-fixed`, in units of the summed objective `N·F`; default
   * `1/L₀` with `L₀` a curvature bound at the starting point.
   */
  stepSize?: number;
  /** Check values (finite, >= 0, rows sum to 1); default true. */
  validate?: boolean;
  /** Row-sum tolerance of the value checks; default 1e-4. */
  rowSumTolerance?: number;
  /** Progress hook (allocation-free: three numbers per call). */
  onIteration?: IterationCallback;
}

/** One entry of a solve's history. */
export interface HistoryEntry {
  /** 0 for the starting point, then 1, 2, ... */
  iteration: number;
  /** The mean objective `F(y)` after this iteration. */
  objectiveValue: number;
  /** Milliseconds since iterating began (after validation and copies). */
  timeMs: number;
}

/** Summary of one solve (no arrays). */
export interface SolveSummary {
  /** `F(y)` at the returned pseudo-labels (mean over rows). */
  objectiveValue: number;
  /** Accepted iterations. */
  iterations: number;
  /** Why the solve stopped. */
  stopReason: StopReason;
  /** `max_k |K·ȳ_k − 1|`: 0 when the classes are used equally. */
  marginalError: number;
  /** Milliseconds spent iterating. */
  elapsedMs: number;
}
