// Plain EM and the safeguarded over-relaxed EM ('em-accelerated') for the
// collision and reverse problems; both call the fused maps of em-maps.ts.
import type { EmMap } from './em-maps.js';
import type { SmoothModel } from './models.js';
import {
  capCheck,
  finish,
  type RunContext,
  report,
  stopCheck,
} from './workspace.js';

/*
 * NOTE [EM as a multiplicative update]
 * Write a_ik = −∂Φ/∂y_ik > 0 for the summed objective Φ = N·F. For the
 * collision problem a_ik = σ_ik/d_i + β_k with d_i = y_i·σ_i and
 * β_k = (λN/K)/col_k. Since Σ_k y_ik σ_ik/d_i = 1, the M-step of DESIGN.md,
 * y_ik ← (S_ik + (λN/K) M_ik) / (1 + (λN/K) Σ_c M_ic), equals
 * y_ik ← y_ik a_ik / Σ_c y_ic a_ic: EM multiplies each entry by its "EM
 * ratio" g_ik = a_ik / (y_i·a_i) (reverse: a_ik = σ_ik/y_ik + β_k, same form).
 * The MM bound behind it, for the 1/N-normalised F: Jensen on the concave
 * ln with weights S_ik gives −ln Σ_k y_ik σ_ik ≤ −Σ_k S_ik ln(y_ik σ_ik/S_ik),
 * and with weights M_ik, −ln ȳ_k ≤ −Σ_i M_ik ln(y_ik/M_ik) + ln N; so
 * N·F(y) ≤ −Σ_ik (S_ik + (λN/K) M_ik) ln y_ik + const, equal at the current
 * point, minimised row by row by the M-step above: λ enters as λN/K exactly
 * because F averages the data term over N rows but not the prior.
 * A fixed point has a_ik equal on the support of each row: the KKT
 * condition. Over-relaxation raises the ratio to a power ω > 1,
 * y_ik ← y_ik g_ik^ω / Z_i: a longer step along the same multiplicative
 * (mirror-descent-like) direction. Without a bound it may increase Φ, so
 * every proposal is evaluated and kept only if Φ did not grow; otherwise the
 * plain EM step (ω = 1), which never increases Φ, is taken and ω restarts.
 * ω is an integer so g^ω costs a few multiplications (repeated squaring)
 * instead of exp and log per entry; the ratio is divided by its row maximum
 * first so no power overflows, and entries are floored at
 * PSEUDO_LABEL_FLOOR so an underflowed entry can grow back.
 */

/** The first proposal's ω (E3: 4 saves an iteration over 2 at K = 10). */
const INITIAL_OMEGA = 4;
/** ω doubles after each accepted proposal until the first rejection... */
const FAST_GROWTH = 2;
/** ...and then grows by this factor (the 1.5). */
const SLOW_GROWTH = 1.5;
/** ω after a rejected proposal (rounds to 2 at the next proposal). */
const RESTART_OMEGA = 1.5;
/** Cap on ω: g^ω needs about log2(ω) squarings per entry. */
const MAX_OMEGA = 16384;

// LIMITATION(L-001): one scalar ω per iteration; strongly coupled problems
// (large λN/K) still need hundreds of iterations.
/** Plain EM: Φ never increases (up to rounding). */
export function runEm(ctx: RunContext, model: SmoothModel, map: EmMap): void {
  const { ws, n, lambda } = ctx;
  const numClasses = ws.numClasses;
  let y = ws.y;
  let z = ws.z;
  let row = ws.rowA;
  let row2 = ws.rowB;
  let col = ws.colA;
  let col2 = ws.colB;
  let phi = model.evaluate(ws.data, y, n, numClasses, lambda, row, col);
  report(ctx, 0, phi);
  let it = 0;
  let reason = capCheck(ctx, 0);
  while (reason === null) {
    const next = map(
      ws.data,
      y,
      n,
      numClasses,
      lambda,
      row,
      col,
      z,
      row2,
      col2,
      ws.scratch,
      1,
    );
    const t = y;
    y = z;
    z = t;
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

/**
 * Over-relaxed EM with a monotonicity safeguard: Φ never increases, by
 * construction (a proposal or EM step that raises Φ is discarded).
 */
export function runEmAccelerated(
  ctx: RunContext,
  model: SmoothModel,
  map: EmMap,
): void {
  const { ws, n, lambda } = ctx;
  const numClasses = ws.numClasses;
  let y = ws.y;
  let z = ws.z;
  let row = ws.rowA;
  let row2 = ws.rowB;
  let col = ws.colA;
  let col2 = ws.colB;
  let phi = model.evaluate(ws.data, y, n, numClasses, lambda, row, col);
  report(ctx, 0, phi);
  let it = 0;
  let omega = INITIAL_OMEGA;
  let growth = FAST_GROWTH;
  let reason = capCheck(ctx, 0);
  while (reason === null) {
    const power = Math.round(omega);
    let next = map(
      ws.data,
      y,
      n,
      numClasses,
      lambda,
      row,
      col,
      z,
      row2,
      col2,
      ws.scratch,
      power,
    );
    if (next <= phi) {
      omega = Math.min(omega * growth, MAX_OMEGA);
    } else {
      growth = SLOW_GROWTH;
      omega = RESTART_OMEGA;
      next = map(
        ws.data,
        y,
        n,
        numClasses,
        lambda,
        row,
        col,
        z,
        row2,
        col2,
        ws.scratch,
        1,
      );
      if (!(next <= phi)) {
        reason = 'stalled';
        break;
      }
    }
    const t = y;
    y = z;
    z = t;
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
