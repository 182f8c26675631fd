// Interim pseudo-label solver used until @cce/em-solver publishes its API:
// the EM scheme of DESIGN.md for the collision and reverse y-problems.
// TODO(2026-12): use @cce/em-solver's solvers and delete this file.
import type {
  PseudoLabelRequest,
  PseudoLabelSolution,
} from '../cluster/solve-pseudo-labels.js';

const FLOOR = 1e-12;

/** EM (collision; reverse with S = σ). Other objectives are not covered. */
export function interimSolve(request: PseudoLabelRequest): PseudoLabelSolution {
  const { probs, numExamples: n, numClasses: k, lambda } = request;
  if (request.objective !== 'collision' && request.objective !== 'reverse') {
    throw new Error(
      `objective '${request.objective}' needs @cce/em-solver, which is not available yet`,
    );
  }
  const y = Float64Array.from(request.init, (v) => Math.max(v, FLOOR));
  const weight = (lambda * n) / k;
  let previous = Number.POSITIVE_INFINITY;
  let iterations = 0;
  const colSum = new Float64Array(k);
  const s = new Float64Array(k);
  for (; iterations < request.maxIterations; ) {
    iterations += 1;
    colSum.fill(0);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) colSum[c]! += y[i * k + c]!;
    }
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let c = 0; c < k; c++) {
        s[c] =
          request.objective === 'collision'
            ? probs[i * k + c]! * y[i * k + c]!
            : probs[i * k + c]!;
        dot += s[c]!;
      }
      let mSum = 0;
      for (let c = 0; c < k; c++) mSum += y[i * k + c]! / colSum[c]!;
      const denominator = 1 + weight * mSum;
      for (let c = 0; c < k; c++) {
        const m = y[i * k + c]! / colSum[c]!;
        y[i * k + c] = (s[c]! / dot + weight * m) / denominator;
      }
    }
    const value = objective(request, y);
    if (Math.abs(previous - value) <= request.tolerance * Math.abs(value)) {
      break;
    }
    previous = value;
  }
  return { pseudoLabels: Float32Array.from(y), iterations };
}

function objective(request: PseudoLabelRequest, y: Float64Array): number {
  const { probs, numExamples: n, numClasses: k, lambda } = request;
  let total = 0;
  const mean = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let c = 0; c < k; c++) {
      const yi = y[i * k + c]!;
      mean[c]! += yi / n;
      dot +=
        request.objective === 'collision'
          ? yi * probs[i * k + c]!
          : -probs[i * k + c]! * Math.log(Math.max(yi, FLOOR));
    }
    total += request.objective === 'collision' ? -Math.log(dot) : dot;
  }
  let fairness = -Math.log(k);
  for (let c = 0; c < k; c++) fairness -= Math.log(mean[c]!) / k;
  return total / n + lambda * fairness;
}
