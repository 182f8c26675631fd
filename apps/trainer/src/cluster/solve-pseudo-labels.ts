// The one place the trainer asks for pseudo-labels: the batch's y-problem
// of each self-labeling objective, solved by @cce/em-solver.
import { interimSolve } from '../internal/interim-em.js';

/** A batch's pseudo-label problem. */
export interface PseudoLabelRequest {
  objective: 'collision' | 'reverse' | 'forward' | 'sela';
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
  /** y `[N, K]`, rows on the simplex. */
  pseudoLabels: Float32Array;
  iterations: number;
}

/** Solves the y-problem of `request.objective` for one batch. */
export function solvePseudoLabels(
  request: PseudoLabelRequest,
): PseudoLabelSolution {
  return interimSolve(request);
}
