// Projected-gradient baselines on the product of simplices: Armijo PGD,
// fixed-step PGD and spectral projected gradient (Birgin, Martínez and
// Raydan, SIAM J. Optim. 10(4), 2000), all in the summed form Φ = N·F.
import type { SmoothModel } from './models.js';
import { projectRowOntoSimplex } from './simplex-projection.js';
import {
  capCheck,
  finish,
  type RunContext,
  report,
  SPG_MEMORY,
  stopCheck,
} from './workspace.js';

/** Sufficient-decrease constant of the Armijo tests. */
const ARMIJO = 1e-4;
/** Backtracking halvings before a line search gives up ('stalled'). */
const MAX_BACKTRACKS = 60;
/** Step bounds (pgd's growing step; spg's Barzilai–Borwein step). */
const MIN_STEP = 1e-10;
const MAX_STEP = 1e10;

/**
 * x_i = P_Δ(y_i − t g_i) for every row; returns gᵀ(x − y), which is < 0
 * unless x = y (a stationary point).
 */
function projectedStep(
  y: Float64Array,
  g: Float64Array,
  t: number,
  x: Float64Array,
  n: number,
  numClasses: number,
): number {
  let slope = 0;
  for (let i = 0; i < n; i++) {
    const r = i * numClasses;
    for (let k = 0; k < numClasses; k++) x[r + k] = y[r + k]! - t * g[r + k]!;
    projectRowOntoSimplex(x, r, numClasses);
    for (let k = 0; k < numClasses; k++) {
      slope += g[r + k]! * (x[r + k]! - y[r + k]!);
    }
  }
  return slope;
}

/** 1 / max |g|: a first step that moves no entry by more than 1. */
function initialStep(g: Float64Array, size: number): number {
  let worst = 0;
  for (let j = 0; j < size; j++) worst = Math.max(worst, Math.abs(g[j]!));
  return worst > 0 ? Math.min(MAX_STEP, 1 / worst) : 1;
}

/**
 * Projected gradient with Armijo backtracking along the projection arc; the
 * step doubles after a step accepted at the first try. Φ never increases.
 */
export function runPgd(ctx: RunContext, model: SmoothModel): void {
  const { ws, n, lambda } = ctx;
  const K = ws.numClasses;
  const data = ws.data;
  let y = ws.y;
  let x = ws.z;
  let row = ws.rowA;
  let row2 = ws.rowB;
  let col = ws.colA;
  let col2 = ws.colB;
  let phi = model.evaluate(data, y, n, K, lambda, row, col);
  model.gradient(data, y, n, K, lambda, row, col, ws.g, ws.scratch);
  report(ctx, 0, phi);
  let step = initialStep(ws.g, n * K);
  let it = 0;
  let reason = capCheck(ctx, 0);
  while (reason === null) {
    let next = Number.NaN;
    let tries = 0;
    for (; tries < MAX_BACKTRACKS; tries++) {
      const slope = projectedStep(y, ws.g, step, x, n, K);
      next = model.evaluate(data, x, n, K, lambda, row2, col2);
      if (next <= phi + ARMIJO * slope) break;
      step *= 0.5;
    }
    if (tries === MAX_BACKTRACKS) {
      reason = 'stalled';
      break;
    }
    if (tries === 0) step = Math.min(2 * step, MAX_STEP);
    const t = y;
    y = x;
    x = t;
    const tr = row;
    row = row2;
    row2 = tr;
    const tc = col;
    col = col2;
    col2 = tc;
    model.gradient(data, y, n, K, lambda, row, col, ws.g, ws.scratch);
    const previous = phi;
    phi = next;
    it++;
    report(ctx, it, phi);
    reason = stopCheck(ctx, it, previous, phi);
  }
  finish(ctx, y, phi, it, reason);
}

/**
 * Projected gradient with a fixed step (ctx.stepSize, or 1/L₀ from the
 * model's curvature bound at the start). No monotonicity guarantee; stops
 * with 'diverged' (keeping the last finite iterate) if Φ becomes non-finite.
 */
export function runPgdFixed(ctx: RunContext, model: SmoothModel): void {
  const { ws, n, lambda } = ctx;
  const K = ws.numClasses;
  const data = ws.data;
  let y = ws.y;
  let x = ws.z;
  let row = ws.rowA;
  let row2 = ws.rowB;
  let col = ws.colA;
  let col2 = ws.colB;
  let phi = model.evaluate(data, y, n, K, lambda, row, col);
  report(ctx, 0, phi);
  const step = Number.isNaN(ctx.stepSize)
    ? 1 / model.curvature(data, y, n, K, lambda, row, col)
    : ctx.stepSize;
  let it = 0;
  let reason = capCheck(ctx, 0);
  while (reason === null) {
    model.gradient(data, y, n, K, lambda, row, col, ws.g, ws.scratch);
    projectedStep(y, ws.g, step, x, n, K);
    const next = model.evaluate(data, x, n, K, lambda, row2, col2);
    if (!Number.isFinite(next)) {
      reason = 'diverged';
      break;
    }
    const t = y;
    y = x;
    x = t;
    const tr = row;
    row = row2;
    row2 = tr;
    const tc = col;
    col = col2;
    col2 = tc;
    const previous = phi;
    phi = next;
    it++;
    report(ctx, it, phi);
    reason = stopCheck(ctx, it, previous, phi);
  }
  finish(ctx, y, phi, it, reason);
}

/** Largest of the recent objective values (non-monotone reference). */
function recentMax(recent: Float64Array): number {
  let worst = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < recent.length; j++) worst = Math.max(worst, recent[j]!);
  return worst;
}

/**
 * Backtracks θ ∈ (0, 1] along y + θ·dir until Φ ≤ max(recent) + ARMIJO·θ·slope,
 * with the safeguarded quadratic interpolation of SPG2; writes the accepted
 * point to x and returns its Φ, or NaN when the search fails.
 */
function spgLineSearch(
  ctx: RunContext,
  model: SmoothModel,
  y: Float64Array,
  x: Float64Array,
  phi: number,
  slope: number,
  row: Float64Array,
  col: Float64Array,
): number {
  const { ws, n, lambda } = ctx;
  const size = n * ws.numClasses;
  const reference = recentMax(ws.recent);
  let theta = 1;
  for (let tries = 0; tries < MAX_BACKTRACKS; tries++) {
    for (let j = 0; j < size; j++) x[j] = y[j]! + theta * ws.dir[j]!;
    const next = model.evaluate(ws.data, x, n, ws.numClasses, lambda, row, col);
    if (next <= reference + ARMIJO * theta * slope) return next;
    const quadratic =
      (-0.5 * theta * theta * slope) / (next - phi - theta * slope);
    theta =
      quadratic >= 0.1 * theta && quadratic <= 0.9 * theta
        ? quadratic
        : theta / 2;
  }
  return Number.NaN;
}

/** Barzilai–Borwein step sᵀs / sᵀw with s = x − y, w = g(x) − g(y). */
function spectralStep(
  y: Float64Array,
  x: Float64Array,
  g: Float64Array,
  gNew: Float64Array,
  size: number,
): number {
  let ss = 0;
  let sw = 0;
  for (let j = 0; j < size; j++) {
    const s = x[j]! - y[j]!;
    ss += s * s;
    sw += s * (gNew[j]! - g[j]!);
  }
  return sw > 0 ? Math.min(MAX_STEP, Math.max(MIN_STEP, ss / sw)) : MAX_STEP;
}

// LIMITATION(L-006): slow on the reverse objective (barrier −σ ln y).
/**
 * Spectral projected gradient: direction P(y − α g) − y with the
 * Barzilai–Borwein α, non-monotone line search over the last SPG_MEMORY
 * values. Φ may rise between iterations (never above the recent maximum).
 */
export function runSpg(ctx: RunContext, model: SmoothModel): void {
  const { ws, n, lambda } = ctx;
  const K = ws.numClasses;
  const size = n * K;
  let y = ws.y;
  let x = ws.z;
  let g = ws.g;
  let gNew = ws.gNew;
  let row = ws.rowA;
  let row2 = ws.rowB;
  let col = ws.colA;
  let col2 = ws.colB;
  let phi = model.evaluate(ws.data, y, n, K, lambda, row, col);
  model.gradient(ws.data, y, n, K, lambda, row, col, g, ws.scratch);
  report(ctx, 0, phi);
  projectedStep(y, g, 1, ws.dir, n, K);
  let alpha = MAX_STEP;
  for (let j = 0; j < size; j++) {
    const move = Math.abs(ws.dir[j]! - y[j]!);
    if (move > 0) alpha = Math.min(alpha, 1 / move);
  }
  alpha = Math.max(MIN_STEP, alpha);
  ws.recent.fill(phi);
  let it = 0;
  let reason = capCheck(ctx, 0);
  while (reason === null) {
    const slope = projectedStep(y, g, alpha, ws.dir, n, K);
    for (let j = 0; j < size; j++) ws.dir[j] = ws.dir[j]! - y[j]!;
    if (!(slope < 0)) {
      reason = 'tolerance';
      break;
    }
    const next = spgLineSearch(ctx, model, y, x, phi, slope, row2, col2);
    if (Number.isNaN(next)) {
      reason = 'stalled';
      break;
    }
    model.gradient(ws.data, x, n, K, lambda, row2, col2, gNew, ws.scratch);
    alpha = spectralStep(y, x, g, gNew, size);
    const t = y;
    y = x;
    x = t;
    const tg = g;
    g = gNew;
    gNew = tg;
    const tr = row;
    row = row2;
    row2 = tr;
    const tc = col;
    col = col2;
    col2 = tc;
    const previous = phi;
    phi = next;
    it++;
    ws.recent[it % SPG_MEMORY] = phi;
    report(ctx, it, phi);
    reason = stopCheck(ctx, it, previous, phi);
  }
  finish(ctx, y, phi, it, reason);
}
