// Smooth objectives for the gradient solvers (pgd, pgd-fixed, spg), in the
// summed form Φ(y) = N·F(y), with the per-row and per-class statistics they
// share. See DESIGN.md, "Self-labeling", for the problems.
import { MARGINAL_LOG_FLOOR } from '../constants.js';
import { columnSums, marginalKlSum, uniformKlSum } from './priors.js';

/** NOTE [imported constants in hot loops] in em-maps.ts. */
const LOG_FLOOR = MARGINAL_LOG_FLOOR;

/**
 * A smooth objective. `data` is σ (collision, reverse) or the cost
 * `C = −ln max(σ, PROB_LOG_FLOOR)` (forward). `row` [N] and `col` [K] are
 * statistics of `y` that `evaluate` fills and `gradient` reads.
 */
export interface SmoothModel {
  evaluate(
    data: Float64Array,
    y: Float64Array,
    n: number,
    numClasses: number,
    lambda: number,
    row: Float64Array,
    col: Float64Array,
  ): number;
  gradient(
    data: Float64Array,
    y: Float64Array,
    n: number,
    numClasses: number,
    lambda: number,
    row: Float64Array,
    col: Float64Array,
    out: Float64Array,
    scratch: Float64Array,
  ): void;
  /**
   * An upper estimate of the Hessian's norm at y (stats filled), for the
   * default step 1/L₀ of pgd-fixed: data-term bound plus prior bound.
   */
  curvature(
    data: Float64Array,
    y: Float64Array,
    n: number,
    numClasses: number,
    lambda: number,
    row: Float64Array,
    col: Float64Array,
  ): number;
}

/** Φ = −Σ_i ln(y_i·σ_i) + N·λ·KL(u‖ȳ); row_i = y_i·σ_i. */
export const collisionModel: SmoothModel = {
  evaluate(sigma, y, n, numClasses, lambda, row, col) {
    col.fill(0, 0, numClasses);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const r = i * numClasses;
      let dot = 0;
      for (let k = 0; k < numClasses; k++) {
        const v = y[r + k]!;
        dot += v * sigma[r + k]!;
        col[k] = col[k]! + v;
      }
      row[i] = dot;
      sum -= Math.log(dot);
    }
    return sum + uniformKlSum(col, n, numClasses, lambda);
  },
  // ∂Φ/∂y_ik = −σ_ik / (y_i·σ_i) − (λN/K) / col_k
  gradient(sigma, _y, n, numClasses, lambda, row, col, out, beta) {
    priceUniform(col, n, numClasses, lambda, beta);
    for (let i = 0; i < n; i++) {
      const r = i * numClasses;
      const inv = 1 / row[i]!;
      for (let k = 0; k < numClasses; k++) {
        out[r + k] = -(sigma[r + k]! * inv) - beta[k]!;
      }
    }
  },
  // ‖σ_i σ_iᵀ‖ / d_i² per row; (λN/K)·N / col_k² per class block
  curvature(sigma, _y, n, numClasses, lambda, row, col) {
    let data = 0;
    for (let i = 0; i < n; i++) {
      const r = i * numClasses;
      let norm = 0;
      for (let k = 0; k < numClasses; k++) norm += sigma[r + k]! ** 2;
      data = Math.max(data, norm / row[i]! ** 2);
    }
    return data + uniformCurvature(col, n, numClasses, lambda);
  },
};

/** Φ = −Σ_ik σ_ik ln y_ik + N·λ·KL(u‖ȳ), with `0 · ln 0 = 0`. */
export const reverseModel: SmoothModel = {
  evaluate(sigma, y, n, numClasses, lambda, _row, col) {
    let sum = 0;
    const total = n * numClasses;
    for (let j = 0; j < total; j++) {
      const s = sigma[j]!;
      if (s > 0) sum -= s * Math.log(y[j]!);
    }
    columnSums(y, n, numClasses, col);
    return sum + uniformKlSum(col, n, numClasses, lambda);
  },
  // ∂Φ/∂y_ik = −σ_ik / y_ik − (λN/K) / col_k (the first part is 0 if σ_ik = 0)
  gradient(sigma, y, n, numClasses, lambda, _row, col, out, beta) {
    priceUniform(col, n, numClasses, lambda, beta);
    for (let i = 0; i < n; i++) {
      const r = i * numClasses;
      for (let k = 0; k < numClasses; k++) {
        const s = sigma[r + k]!;
        const data = s > 0 ? s / y[r + k]! : 0;
        out[r + k] = -data - beta[k]!;
      }
    }
  },
  // max σ_ik / y_ik² (diagonal data Hessian) plus the class-block bound
  curvature(sigma, y, n, numClasses, lambda, _row, col) {
    let data = 0;
    const total = n * numClasses;
    for (let j = 0; j < total; j++) {
      const s = sigma[j]!;
      if (s > 0) data = Math.max(data, s / y[j]! ** 2);
    }
    return data + uniformCurvature(col, n, numClasses, lambda);
  },
};

/** Φ = Σ_ik y_ik C_ik + N·λ·KL(ȳ‖u), C = −ln σ (floored). */
export const forwardModel: SmoothModel = {
  evaluate(cost, y, n, numClasses, lambda, _row, col) {
    let sum = 0;
    const total = n * numClasses;
    for (let j = 0; j < total; j++) sum += y[j]! * cost[j]!;
    columnSums(y, n, numClasses, col);
    return sum + marginalKlSum(col, n, numClasses, lambda);
  },
  // ∂Φ/∂y_ik = C_ik + λ (ln(K col_k / N) + 1)
  gradient(cost, _y, n, numClasses, lambda, _row, col, out, term) {
    for (let k = 0; k < numClasses; k++) {
      const m = Math.max(col[k]! / n, LOG_FLOOR);
      term[k] = lambda * (Math.log(numClasses * m) + 1);
    }
    for (let i = 0; i < n; i++) {
      const r = i * numClasses;
      for (let k = 0; k < numClasses; k++) {
        out[r + k] = cost[r + k]! + term[k]!;
      }
    }
  },
  // the data term is linear; the prior's class block has norm λN / col_k
  curvature(_cost, _y, n, numClasses, lambda, _row, col) {
    let worst = 0;
    for (let k = 0; k < numClasses; k++) {
      worst = Math.max(worst, (lambda * n) / Math.max(col[k]!, 1 / n));
    }
    return worst;
  },
};

/**
 * The class prices β_k = (λN/K) / col_k of the KL(u‖ȳ) prior: minus its
 * partial derivative in the summed form (0 when λ = 0).
 */
export function priceUniform(
  col: Float64Array,
  n: number,
  numClasses: number,
  lambda: number,
  beta: Float64Array,
): void {
  const c = (lambda * n) / numClasses;
  for (let k = 0; k < numClasses; k++) {
    beta[k] = lambda > 0 ? c / col[k]! : 0;
  }
}

/** Norm bound of the KL(u‖ȳ) Hessian: max_k (λN/K)·N / col_k². */
function uniformCurvature(
  col: Float64Array,
  n: number,
  numClasses: number,
  lambda: number,
): number {
  let worst = 0;
  for (let k = 0; k < numClasses; k++) {
    worst = Math.max(worst, (lambda * n * n) / (numClasses * col[k]! ** 2));
  }
  return worst;
}
