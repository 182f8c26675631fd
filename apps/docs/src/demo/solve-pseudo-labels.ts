// The demo's pseudo-label step (self-labeling step 2) with @cce/em-solver:
// the collision problem `mean H₂(y_i, σ_i) + λ·KL(u‖ȳ)` by accelerated EM
// for the collision loss, the forward problem `mean H(y_i, σ_i) +
// λ·KL(ȳ‖u)` by spectral projected gradient for Shannon's (DESIGN.md).
import { createSolver } from '@cce/em-solver';
import type { DemoLoss } from './settings.js';

/** Iteration cap per training step (warm starts need few). */
const MAX_ITERATIONS = 50;
/** Relative objective change at which a solve stops. */
const TOLERANCE = 1e-6;
/**
 * Share of the uniform distribution mixed into the warm start: EM keeps an
 * entry that is exactly 0 at 0 and rejects such a start, and a confident
 * float32 softmax or a converged pseudo-label can round to 0.
 */
const WARM_START_FLOOR = 1e-6;

/** Updates `[N, K]` pseudo-labels in place from predictions σ `[N, K]`. */
export type PseudoLabelStep = (
  probs: Float32Array,
  targets: Float32Array,
) => void;

/** Builds the pseudo-label step of one demo run. */
export function createPseudoLabelStep(
  loss: DemoLoss,
  numRows: number,
  numClasses: number,
  lambda: number,
): PseudoLabelStep {
  const solver = createSolver({
    numClasses,
    maxRows: numRows,
    objective: loss === 'collision' ? 'collision' : 'forward',
    lambda,
    tol: TOLERANCE,
    maxIter: MAX_ITERATIONS,
  });
  return (probs, targets) => {
    const uniform = WARM_START_FLOOR / numClasses;
    for (let i = 0; i < targets.length; i++) {
      targets[i] = (1 - WARM_START_FLOOR) * targets[i]! + uniform;
    }
    solver.solveInPlace(probs, targets, numRows);
  };
}
