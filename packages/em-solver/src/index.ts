// Public API of @cce/em-solver: pseudo-label problems and their solvers on
// typed arrays (no tensors). src/internal/ is never re-exported.
export {
  DEFAULT_INIT_SMOOTHING,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_ROW_SUM_TOLERANCE,
  DEFAULT_SELA_EPSILON,
  DEFAULT_TOLERANCE,
  MARGINAL_LOG_FLOOR,
  PROB_LOG_FLOOR,
  PSEUDO_LABEL_FLOOR,
  RELATIVE_CHANGE_FLOOR,
} from './constants.js';
export {
  type CreateSolverOptions,
  createSolver,
  type PseudoLabelSolver,
  type SolveOverrides,
} from './create-solver.js';
export {
  type PseudoLabelObjectiveOptions,
  pseudoLabelObjective,
} from './pseudo-label-objective.js';
export {
  type SolvePseudoLabelsOptions,
  type SolvePseudoLabelsResult,
  solvePseudoLabels,
} from './solve-pseudo-labels.js';
export type {
  HistoryEntry,
  IterationCallback,
  ProbArray,
  PseudoLabelMethod,
  PseudoLabelObjective,
  SolverSettings,
  SolveSummary,
  StopReason,
} from './types.js';
