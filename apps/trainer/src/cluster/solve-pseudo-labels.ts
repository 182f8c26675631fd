// The one place the trainer asks for pseudo-labels: the batch's y-problem
// of each self-labeling objective, solved by @cce/em-solver with the
// default method of each objective (accelerated EM for collision and
// reverse, spectral projected gradient for forward, Sinkhorn for SeLa).
import {
  createSolver,
  type PseudoLabelObjective,
  type PseudoLabelSolver,
} from '@cce/em-solver';

/**
 * Warm-start entries are floored at this value: EM cannot move an entry
 * away from 0, and float32 softmax outputs underflow to exact zeros for
 * confident predictions. Rows stay on the simplex to ~1e-11.
 */
export const WARM_START_FLOOR = 1e-12;

/** A batch's pseudo-label problem. */
export interface PseudoLabelRequest {
  objective: PseudoLabelObjective;
  /** σ `[N, K]`, rows on the simplex. */
  probs: Float32Array;
  /** Warm start `[N, K]`, rows on the simplex. */
  init: Float32Array;
  numExamples: number;
  numClasses: number;
  lambda: number;
  maxIterations: number;
  tolerance: number;
}

/** The solver's answer. */
export interface PseudoLabelSolution {
  /** y `[N, K]`, rows on the simplex (the request's `init`, overwritten). */
  pseudoLabels: Float32Array;
  iterations: number;
}

// One solver per problem shape: its buffers are allocated once and reused
// by every batch of a run.
const solvers = new Map<string, PseudoLabelSolver>();

function solverFor(request: PseudoLabelRequest): PseudoLabelSolver {
  const { objective, numClasses, numExamples } = request;
  const key = `${objective}:${numClasses}`;
  const cached = solvers.get(key);
  if (cached && cached.maxRows >= numExamples) return cached;
  const solver = createSolver({
    objective,
    numClasses,
    maxRows: Math.max(numExamples, cached?.maxRows ?? 0),
    lambda: objective === 'sela' ? undefined : request.lambda,
  });
  solvers.set(key, solver);
  return solver;
}

/**
 * Solves the y-problem of `request.objective` for one batch, in place in
 * `request.init` (floored at {@link WARM_START_FLOOR} first).
 */
export function solvePseudoLabels(
  request: PseudoLabelRequest,
): PseudoLabelSolution {
  const { init, probs, numExamples: n, numClasses: k } = request;
  // A non-finite σ means the network diverged: keep the warm start and let
  // the training loop stop on the non-finite loss it is about to compute
  // (exit 3, naming the epoch, batch and loss term), not fail as bad input.
  for (let i = 0; i < n * k; i++) {
    if (!Number.isFinite(probs[i]!))
      return { pseudoLabels: init, iterations: 0 };
  }
  for (let i = 0; i < n * k; i++) {
    if (init[i]! < WARM_START_FLOOR) init[i] = WARM_START_FLOOR;
  }
  const summary = solverFor(request).solveInPlace(probs, init, n, {
    lambda: request.objective === 'sela' ? undefined : request.lambda,
    maxIter: request.maxIterations,
    tol: request.tolerance,
  });
  return { pseudoLabels: init, iterations: summary.iterations };
}
