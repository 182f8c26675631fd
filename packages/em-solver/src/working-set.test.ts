// The small problem of the working-set phase (NOTE [working sets]) against
// plain float64 references written from DESIGN.md's EM step on number[][]:
// its Φ is the full problem's, its EM step is the full step restricted to
// the working entries (the others fixed), and dropping the fixed entries
// prices the point with them at 0.
import { describe, expect, it } from 'vitest';
import { relativeGap } from '../test/helpers.js';
import {
  emStep as referenceEmStep,
  flatten,
  meanRow,
  objective,
  type Rows,
  randomProbs,
  toRows,
} from '../test/reference.js';
import {
  drop,
  evaluate,
  restrictedStep,
  scatter,
  select,
  WorkingSet,
} from './internal/working-set.js';

/** A random dense point: rows of positive entries summing to 1. */
function randomPoint(n: number, K: number, seed: number): Rows {
  // softmax of larger logits than σ's: a few entries per row dominate
  return randomProbs(n, K, 4, seed);
}

/** The dense point p (y, d_i = y_i·σ_i, class sums) of em-methods.ts. */
function densePoint(sigma: Rows, y: Rows, lambda: number) {
  const n = y.length;
  const row = Float64Array.from(y, (t, i) =>
    t.reduce((s, v, k) => s + v * sigma[i]![k]!, 0),
  );
  const col = Float64Array.from(meanRow(y), (m) => m * n);
  return {
    y: flatten(y),
    row,
    col,
    phi: n * objective('collision', sigma, y, lambda),
  };
}

/** The working classes of row i, from the set's CSR layout. */
function workingClasses(set: WorkingSet, i: number): number[] {
  return Array.from(
    set.cls.subarray(set.start[i]!, set.start[i + 1]!),
  ) as number[];
}

describe('the working-set small problem', () => {
  const cases = [
    // K > 32: some entries of every row are fixed
    { n: 6, K: 40, lambda: 2, seed: 41 },
    { n: 50, K: 120, lambda: 0.5, seed: 42 },
    // K <= 32: every class is a working entry
    { n: 20, K: 8, lambda: 3, seed: 43 },
  ];

  it.each(cases)(
    'has the full Φ and the restricted EM step when N=$n, K=$K, λ=$lambda',
    ({ n, K, lambda, seed }) => {
      const sigma = randomProbs(n, K, 3, seed);
      const y = randomPoint(n, K, seed + 100);
      const p = densePoint(sigma, y, lambda);
      const set = new WorkingSet(K, n);
      select(set, flatten(sigma), p, n, K, lambda);
      // Φ of the small problem is Φ of the full point
      const phi = evaluate(set, set.x, n, K, lambda, set.rowX, set.colX, true);
      expect(relativeGap(phi, p.phi)).toBeLessThan(1e-12);
      // one restricted step against the reference: the working entries of
      // row i move to s_i·(S + cM)_e / Σ_w (S + cM)_w, the others stay
      const g = new Float64Array(set.capacity);
      const rowG = new Float64Array(n);
      const colG = new Float64Array(K);
      const next = restrictedStep(set, n, K, lambda, 1, g, rowG, colG);
      set.x.set(g.subarray(0, set.start[n]!));
      const moved = Float64Array.from(p.y);
      scatter(set, moved, n, K);
      const full = referenceEmStep('collision', sigma, y, lambda);
      const expected = y.map((t, i) => {
        const working = workingClasses(set, i);
        const mass = working.reduce((s, k) => s + t[k]!, 0);
        // full[i] ∝ (S + cM) with the full step's normaliser; rescale
        const share = working.reduce((s, k) => s + full[i]![k]!, 0);
        return t.map((v, k) =>
          working.includes(k) ? (mass * full[i]![k]!) / share : v,
        );
      });
      const got = toRows(moved, K);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < K; k++) {
          expect(relativeGap(got[i]![k]!, expected[i]![k]!)).toBeLessThan(
            1e-12,
          );
        }
      }
      if (K <= 32) {
        // every class works: the textbook step itself
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < K; k++) {
            expect(relativeGap(got[i]![k]!, full[i]![k]!)).toBeLessThan(1e-12);
          }
        }
      }
      const after = n * objective('collision', sigma, expected, lambda);
      expect(relativeGap(next, after)).toBeLessThan(1e-12);
      // the MM step never increases Φ
      expect(next).toBeLessThanOrEqual(p.phi);
    },
  );

  // N = 30, K = 200: some class has mass only in fixed entries, so the drop
  // would empty it (Φ = +∞) and is refused; N = 300, K = 100: accepted
  it.each([
    { n: 30, K: 200, accepted: false },
    { n: 300, K: 100, accepted: true },
  ])(
    'prices the point with the fixed entries dropped when N=$n, K=$K',
    ({ n, K, accepted }) => {
      const lambda = 1;
      const sigma = randomProbs(n, K, 3, 44);
      const y = randomPoint(n, K, 144);
      const p = densePoint(sigma, y, lambda);
      const set = new WorkingSet(K, n);
      select(set, flatten(sigma), p, n, K, lambda);
      evaluate(set, set.x, n, K, lambda, set.rowX, set.colX, true);
      const value = drop(set, n, K, lambda);
      // the reference: working entries scaled to sum 1, the rest 0
      const dropped = y.map((t, i) => {
        const working = workingClasses(set, i);
        const mass = working.reduce((s, k) => s + t[k]!, 0);
        return t.map((v, k) => (working.includes(k) ? v / mass : 0));
      });
      const exact = n * objective('collision', sigma, dropped, lambda);
      expect(Number.isFinite(value)).toBe(accepted);
      if (accepted) {
        expect(relativeGap(value, exact)).toBeLessThan(1e-12);
        expect(value).toBeLessThanOrEqual(p.phi);
        expect(Array.from(set.mass.subarray(0, n))).toEqual(
          new Array(n).fill(1),
        );
      } else {
        // refused only because dropping would raise Φ
        expect(exact).toBeGreaterThan(p.phi);
      }
    },
  );
});
