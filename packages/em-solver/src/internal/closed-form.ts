// The λ = 0 solutions, exact without iterating: collision and forward put
// all mass on argmax σ_i (a linear or log-linear objective over the
// simplex); reverse is minimised by y_i = σ_i (Gibbs' inequality).
import type { PseudoLabelObjective } from '../types.js';
import type { SmoothModel } from './models.js';
import { finish, type RunContext, report } from './workspace.js';

/** Writes the λ = 0 minimiser to ws.y; ties go to the first class. */
export function solveClosedForm(
  ctx: RunContext,
  objective: PseudoLabelObjective,
  model: SmoothModel,
): void {
  const { ws, n } = ctx;
  const K = ws.numClasses;
  const y = ws.y;
  const data = ws.data;
  if (objective === 'reverse') {
    y.set(data.subarray(0, n * K));
  } else {
    // data is σ (collision) or the cost −ln σ (forward): same argmax class
    const sign = objective === 'forward' ? -1 : 1;
    for (let i = 0; i < n; i++) {
      const r = i * K;
      let best = 0;
      for (let k = 1; k < K; k++) {
        if (sign * data[r + k]! > sign * data[r + best]!) best = k;
      }
      y.fill(0, r, r + K);
      y[r + best] = 1;
    }
  }
  const phi = model.evaluate(ws.data, y, n, K, 0, ws.rowA, ws.colA);
  report(ctx, 0, phi);
  finish(ctx, y, phi, 0, 'closed-form');
}
