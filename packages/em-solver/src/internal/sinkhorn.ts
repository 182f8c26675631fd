// Sinkhorn–Knopp scaling for the SeLa problem (Asano, Rupprecht and
// Vedaldi, ICLR 2020; Cuturi, NeurIPS 2013): y_ik = a_i G_ik b_k with the
// kernel G_ik ∝ σ_ik^(1/ε), rows summing to 1 and columns to N/K.
import { CceError } from '@cce/errors';
import { PROB_LOG_FLOOR } from '../constants.js';

/** NOTE [imported constants in hot loops] in em-maps.ts. */
const LOG_FLOOR = PROB_LOG_FLOOR;
import { capCheck, finish, type RunContext, report } from './workspace.js';

// LIMITATION(L-005): kernel-domain scaling; tiny ε can underflow a class.
/**
 * Turns ws.data (holding σ) into the kernel G_ik = (σ̃_ik / max_c σ̃_ic)^(1/ε)
 * / s_k with σ̃ = max(σ, PROB_LOG_FLOOR) and s_k the column maximum, so
 * every row and column has entries of order 1. Keeps ln max_c σ̃_ic in
 * ws.rowB and ln s_k in ws.scratch for the objective.
 */
export function prepareSelaKernel(ctx: RunContext, fn: string): void {
  const { ws, n, epsilon } = ctx;
  const K = ws.numClasses;
  const kernel = ws.data;
  const lnRowMax = ws.rowB;
  const colMax = ws.scratch;
  colMax.fill(0, 0, K);
  for (let i = 0; i < n; i++) {
    const r = i * K;
    let m = LOG_FLOOR;
    for (let k = 0; k < K; k++) m = Math.max(m, kernel[r + k]!);
    const lnMax = Math.log(m);
    lnRowMax[i] = lnMax;
    for (let k = 0; k < K; k++) {
      const lnP = Math.log(Math.max(kernel[r + k]!, LOG_FLOOR));
      const v = Math.exp((lnP - lnMax) / epsilon);
      kernel[r + k] = v;
      if (v > colMax[k]!) colMax[k] = v;
    }
  }
  for (let k = 0; k < K; k++) {
    const m = colMax[k]!;
    if (!(m > 0)) {
      throw new CceError({
        fn,
        argument: 'epsilon',
        expected:
          'large enough that every class keeps some kernel mass σ^(1/ε)',
        received: `${epsilon} (class ${k} underflows to 0 in every row)`,
        hint: 'Use a larger epsilon',
      });
    }
    colMax[k] = Math.log(m);
    const inv = 1 / m;
    for (let i = 0; i < n; i++) kernel[i * K + k] = kernel[i * K + k]! * inv;
  }
}

/**
 * Alternating scalings; stops when max_k |K·col_k/N − 1| <= tol (the rows
 * are exact after every row scaling, which is where the returned plan
 * stands). Reports the entropic objective of each row-normalised plan.
 */
export function runSinkhorn(ctx: RunContext, fn: string): void {
  const { ws, n, epsilon } = ctx;
  const K = ws.numClasses;
  const kernel = ws.data;
  const a = ws.rowA;
  const b = ws.colB;
  const v = ws.colA;
  const target = n / K;
  b.fill(1, 0, K);
  let it = 0;
  let phi = Number.NaN;
  let reason: ReturnType<typeof capCheck> = null;
  for (;;) {
    scaleRows(kernel, a, b, v, n, K);
    phi = selaObjective(ctx, a, b, v);
    if (!Number.isFinite(phi)) throw overflowError(fn, epsilon);
    report(ctx, it, phi);
    let error = 0;
    for (let k = 0; k < K; k++) {
      error = Math.max(error, Math.abs((b[k]! * v[k]!) / target - 1));
    }
    reason = error <= ctx.tol ? 'tolerance' : capCheck(ctx, it);
    if (reason !== null) break;
    for (let k = 0; k < K; k++) b[k] = target / v[k]!;
    it++;
  }
  writePlan(kernel, a, b, ws.y, n, K);
  finish(ctx, ws.y, phi, it, reason);
}

/** a_i = 1 / (G b)_i, then v = Gᵀ a, in one pass. */
function scaleRows(
  kernel: Float64Array,
  a: Float64Array,
  b: Float64Array,
  v: Float64Array,
  n: number,
  K: number,
): void {
  v.fill(0, 0, K);
  for (let i = 0; i < n; i++) {
    const r = i * K;
    let u = 0;
    for (let k = 0; k < K; k++) u += kernel[r + k]! * b[k]!;
    const ai = 1 / u;
    a[i] = ai;
    for (let k = 0; k < K; k++) v[k] = v[k]! + kernel[r + k]! * ai;
  }
}

/**
 * Σ_ik y_ik (C_ik + ε ln y_ik) for y = diag(a) G diag(b) with unit rows:
 * ε Σ_i ln a_i − Σ_i ln max σ̃_i + ε Σ_k col_k (ln b_k − ln s_k).
 */
function selaObjective(
  ctx: RunContext,
  a: Float64Array,
  b: Float64Array,
  v: Float64Array,
): number {
  const { ws, n, epsilon } = ctx;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += epsilon * Math.log(a[i]!) - ws.rowB[i]!;
  for (let k = 0; k < ws.numClasses; k++) {
    const col = b[k]! * v[k]!;
    sum += epsilon * col * (Math.log(b[k]!) - ws.scratch[k]!);
  }
  return sum;
}

function writePlan(
  kernel: Float64Array,
  a: Float64Array,
  b: Float64Array,
  y: Float64Array,
  n: number,
  K: number,
): void {
  for (let i = 0; i < n; i++) {
    const r = i * K;
    const ai = a[i]!;
    for (let k = 0; k < K; k++) y[r + k] = ai * kernel[r + k]! * b[k]!;
  }
}

function overflowError(fn: string, epsilon: number): CceError {
  return new CceError({
    fn,
    argument: 'epsilon',
    expected: 'large enough for the Sinkhorn scalings to stay finite',
    received: String(epsilon),
    hint: 'Use a larger epsilon',
  });
}
