// The pieces of 'em-accelerated' (NOTE [three phases of em-accelerated]): the
// one-pass ω search against a direct float64 computation of each trial
// point, and the slow phases (Anderson for K >= 500, over-relaxed EM below)
// against the KKT conditions and the monotonicity they promise.
import { describe, expect, it } from 'vitest';
import { countFloat64Arrays, relativeGap } from '../test/helpers.js';
import {
  flatten,
  gradient,
  objective,
  type Rows,
  randomProbs,
  runEm,
  toRows,
} from '../test/reference.js';
import { createSolver, solvePseudoLabels } from './index.js';
import {
  collisionScan,
  KEEP_EVERY_TRIAL,
  MAX_OMEGA_EXPONENT,
  OMEGA_SLOTS,
  reverseScan,
} from './internal/em-scan.js';
import { usesWorkingSets } from './internal/working-set.js';

const FLOOR = 1e-30;

/** dst_i ∝ y_i ⊙ (a_i / max a_i)^ω, floored, from the EM ratio a of DESIGN.md. */
function relaxedPoint(
  kind: 'collision' | 'reverse',
  sigma: Rows,
  y: Rows,
  lambda: number,
  omega: number,
): Rows {
  const n = sigma.length;
  const K = sigma[0]!.length;
  const col = Array.from({ length: K }, (_, k) =>
    y.reduce((s, row) => s + row[k]!, 0),
  );
  return y.map((row, i) => {
    const s = sigma[i]!;
    const d = row.reduce((acc, v, k) => acc + v * s[k]!, 0);
    const a = row.map((v, k) => {
      const data = kind === 'collision' ? s[k]! / d : s[k]! / v;
      return data + (lambda * n) / K / col[k]!;
    });
    const top = Math.max(...a);
    const u = row.map((v, k) => v * (a[k]! / top) ** omega);
    const z = u.reduce((acc, v) => acc + v, 0);
    return u.map((v) => Math.max(v / z, FLOOR));
  });
}

/** Scan scratch; with `rows` > 0 it keeps every trial point (`n`·K each). */
function scratch(K: number, rows = 0) {
  const keep = rows > 0 ? 3 : 0;
  return {
    cols: new Float64Array(OMEGA_SLOTS * K),
    z: new Float64Array(OMEGA_SLOTS),
    logs: new Float64Array(OMEGA_SLOTS),
    base: new Float64Array(3 * K),
    points: Array.from({ length: keep }, () =>
      new Float64Array(rows * K).fill(Number.NaN),
    ),
    rows: Array.from({ length: keep }, () =>
      new Float64Array(rows).fill(Number.NaN),
    ),
  };
}

/** Inputs of a scan at y: the row dot products and the class prices β. */
function scanInputs(sigma: Rows, y: Rows, lambda: number) {
  const n = sigma.length;
  const K = sigma[0]!.length;
  const row = Float64Array.from(
    y.map((r, i) => r.reduce((s, v, k) => s + v * sigma[i]![k]!, 0)),
  );
  const beta = Float64Array.from({ length: K }, (_, k) => {
    const c = y.reduce((s, r) => s + r[k]!, 0);
    return (lambda * n) / K / c;
  });
  return { row, beta };
}

/**
 * A trial point as the scan stores it: its entries (to `tolerance`), its
 * row dot products y_i·σ_i and its class sums, against the reference.
 */
function expectPoint(
  point: number[][],
  sigma: number[][],
  entries: Float64Array,
  rows: Float64Array,
  cols: Float64Array,
  tolerance: number,
): void {
  point.flat().forEach((v, e) => {
    expect(Math.abs(entries[e]! - v)).toBeLessThan(tolerance);
  });
  point.forEach((r, i) => {
    const d = r.reduce((acc, v, k) => acc + v * sigma[i]![k]!, 0);
    expect(relativeGap(rows[i]!, d)).toBeLessThan(1e-12);
  });
  point[0]!.forEach((_, k) => {
    const c = point.reduce((acc, r) => acc + r[k]!, 0);
    expect(relativeGap(cols[k]!, c)).toBeLessThan(1e-12);
  });
}

/** The collision scans' test problem: N = 23 rows, K = CASE_K classes, λ = 1.7. */
const CASE_K = 7;

/**
 * Runs the collision scan on seeded σ and an iterate one reference EM step
 * away from it, into NaN-filled outputs.
 */
function collisionCase(
  seed: number,
  lo: number,
  step: number,
  write: number,
  kept: ReturnType<typeof scratch>,
) {
  const n = 23;
  const lambda = 1.7;
  const sigma = randomProbs(n, CASE_K, 2.5, seed);
  const y = runEm('collision', sigma, sigma, lambda, 1).y;
  const { row, beta } = scanInputs(sigma, y, lambda);
  const out = new Float64Array(OMEGA_SLOTS).fill(Number.NaN);
  const dst = new Float64Array(n * CASE_K).fill(Number.NaN);
  const dstRow = new Float64Array(n);
  const dstCol = new Float64Array(CASE_K);
  const wrote = collisionScan(
    flatten(sigma),
    flatten(y),
    n,
    CASE_K,
    lambda,
    row,
    beta,
    lo,
    step,
    kept,
    out,
    dst,
    dstRow,
    dstCol,
    write,
  );
  return { sigma, y, n, lambda, out, dst, dstRow, dstCol, wrote };
}

describe('the ω search of em-accelerated', () => {
  // every exponent 0…14 is priced by some window; every write index is used
  const windows = [
    { lo: 0, step: 1, write: 2 },
    { lo: 5, step: 1, write: 1 },
    { lo: 12, step: 1, write: 0 },
    { lo: 1, step: 3, write: 2 },
    { lo: 0, step: 7, write: 1 },
  ];

  it.each(windows)(
    'prices collision trials ω = 2^j, j = $lo + 0, 1, 2 × $step, as N·F of the point',
    ({ lo, step, write }) => {
      const hi = lo + 2 * step;
      const { sigma, y, n, lambda, out, dst, dstRow, dstCol, wrote } =
        collisionCase(11, lo, step, write, scratch(CASE_K));
      expect(wrote).toBe(lo + write * step);
      for (let j = 0; j <= MAX_OMEGA_EXPONENT; j++) {
        const priced = (j - lo) % step === 0 && j >= lo && j <= hi;
        if (!priced) {
          expect(out[j]).toBeNaN();
          continue;
        }
        const point = relaxedPoint('collision', sigma, y, lambda, 2 ** j);
        const exact = n * objective('collision', sigma, point, lambda);
        expect(relativeGap(out[j]!, exact)).toBeLessThan(1e-11);
        if (j === wrote) {
          // the requested trial is written with its statistics
          expectPoint(point, sigma, dst, dstRow, dstCol, 1e-14);
        }
      }
    },
  );

  it.each(windows)(
    'keeps every collision trial ω = 2^j, j = $lo + 0, 1, 2 × $step, with its statistics when it has room for them',
    ({ lo, step }) => {
      const kept = scratch(CASE_K, 23);
      const { sigma, y, n, lambda, out, dst, wrote } = collisionCase(
        13,
        lo,
        step,
        KEEP_EVERY_TRIAL,
        kept,
      );
      // nothing goes to dst: the caller copies the winner
      expect(wrote).toBe(-1);
      expect(dst.every(Number.isNaN)).toBe(true);
      for (let t = 0; t < 3; t++) {
        const j = lo + t * step;
        const point = relaxedPoint('collision', sigma, y, lambda, 2 ** j);
        const exact = n * objective('collision', sigma, point, lambda);
        expect(relativeGap(out[j]!, exact)).toBeLessThan(1e-11);
        // j squarings multiply a rounding error by up to 2^j
        expectPoint(
          point,
          sigma,
          kept.points[t]!,
          kept.rows[t]!,
          kept.cols.subarray(j * CASE_K, j * CASE_K + CASE_K),
          Math.max(1e-14, 2 ** j * 2e-16),
        );
      }
    },
  );

  it('prices reverse trials exactly while nothing floors, and never below the floored value', () => {
    const n = 19;
    const K = 6;
    const lambda = 0.8;
    const sigma = randomProbs(n, K, 4, 12);
    const y = runEm('reverse', sigma, sigma, lambda, 2).y;
    const { row, beta } = scanInputs(sigma, y, lambda);
    const out = new Float64Array(OMEGA_SLOTS).fill(Number.NaN);
    // windows 0–2, 3–5, …, 12–14 price every exponent
    for (let lo = 0; lo <= MAX_OMEGA_EXPONENT; lo += 3) {
      const wrote = reverseScan(
        flatten(sigma),
        flatten(y),
        n,
        K,
        lambda,
        row,
        beta,
        lo,
        1,
        scratch(K),
        out,
        new Float64Array(n * K),
        new Float64Array(n),
        new Float64Array(K),
        1,
      );
      expect(wrote).toBe(-1);
    }
    let sawFloor = false;
    for (let j = 0; j <= MAX_OMEGA_EXPONENT; j++) {
      const point = relaxedPoint('reverse', sigma, y, lambda, 2 ** j);
      const exact = n * objective('reverse', sigma, point, lambda);
      const floored = point.some((r) => r.some((v) => v === FLOOR));
      if (floored) {
        sawFloor = true;
        expect(out[j]!).toBeGreaterThanOrEqual(exact * (1 - 1e-12));
      } else {
        expect(relativeGap(out[j]!, exact)).toBeLessThan(1e-11);
      }
    }
    expect(sawFloor).toBe(true);
  });
});

/** N·∂F/∂y of the collision objective at y, as rows. */
function collisionGradient(sigma: Rows, y: Rows, lambda: number): Rows {
  const n = sigma.length;
  return gradient('collision', sigma, y, lambda).map((r) =>
    r.map((v) => n * v),
  );
}

/** Largest in-row spread of N·∂F/∂y over the support y_ik > support. */
function kktSpread(y: Rows, g: Rows, support: number): number {
  let worst = 0;
  y.forEach((row, i) => {
    const on = g[i]!.filter((_, k) => row[k]! > support);
    const off = g[i]!.filter((_, k) => row[k]! <= support);
    const low = Math.min(...on);
    worst = Math.max(worst, Math.max(...on) - low);
    // off the support the derivative is no smaller (up to the same spread)
    for (const v of off) worst = Math.max(worst, low - v);
  });
  return worst;
}

describe('the slow phases of em-accelerated', () => {
  const cases = [
    // K >= 500: the Anderson phase (strong coupling, λN/K large)
    { n: 30, K: 600, lambda: 10, seed: 21, maxIter: 3000 },
    // K < 500: the over-relaxed phase
    { n: 200, K: 10, lambda: 10, seed: 22, maxIter: 3000 },
    { n: 120, K: 50, lambda: 3, seed: 23, maxIter: 3000 },
  ];

  it.each(cases)(
    'reaches the KKT point monotonically when N=$n, K=$K, λ=$lambda',
    ({ n, K, lambda, seed, maxIter }) => {
      const sigma = randomProbs(n, K, 3, seed);
      const seen: number[] = [];
      const result = solvePseudoLabels({
        probs: flatten(sigma),
        numClasses: K,
        lambda,
        method: 'em-accelerated',
        tol: 1e-13,
        maxIter,
        onIteration: (_, value) => seen.push(value),
      });
      for (let t = 1; t < seen.length; t++) {
        expect(seen[t]!).toBeLessThanOrEqual(seen[t - 1]!);
      }
      const y = toRows(result.pseudoLabels, K);
      expect(result.objectiveValue).toBeCloseTo(
        objective('collision', sigma, y, lambda),
        12,
      );
      // the optimum is no worse than 300 textbook EM steps from σ
      const em = runEm('collision', sigma, sigma, lambda, 300);
      expect(result.objectiveValue).toBeLessThanOrEqual(em.values.at(-1)!);
      // KKT: N·∂F/∂y equal on each row's support; spread relative to the
      // typical derivative size 1 + λ
      const spread = kktSpread(y, collisionGradient(sigma, y, lambda), 1e-6);
      expect(spread / (1 + lambda)).toBeLessThan(1e-3);
    },
  );
});

describe('the working-set phase of em-accelerated (collision, many classes)', () => {
  // N > K (spg and pgd converge: one optimum to 1e-6); N ≈ K and N < K
  // (degenerate optima, rows split over about K/N + 1 classes, where the
  // gradient methods creep: em-accelerated must be no worse than they get)
  const cases = [
    { n: 2000, K: 100, lambda: 1, seed: 37, same: true },
    { n: 100, K: 120, lambda: 1, seed: 36, same: true },
    { n: 30, K: 500, lambda: 10, seed: 31, same: false },
    // N ≪ K: every row needs about K/N classes, more than the 32 a row
    // starts with
    { n: 3, K: 150, lambda: 5, seed: 39, same: false },
  ];

  it.each(cases)(
    'reaches the KKT point no worse than spg and pgd when N=$n, K=$K, λ=$lambda',
    ({ n, K, lambda, seed, same }) => {
      expect(usesWorkingSets(n, K)).toBe(true);
      const sigma = randomProbs(n, K, 3, seed);
      const probs = flatten(sigma);
      const seen: number[] = [];
      const result = solvePseudoLabels({
        probs,
        numClasses: K,
        lambda,
        method: 'em-accelerated',
        tol: 1e-13,
        maxIter: 50_000,
        onIteration: (_, value) => seen.push(value),
      });
      for (let t = 1; t < seen.length; t++) {
        expect(seen[t]!).toBeLessThanOrEqual(seen[t - 1]!);
      }
      const y = toRows(result.pseudoLabels, K);
      // the value it reports is the value of the labels it returns
      expect(
        relativeGap(
          result.objectiveValue,
          objective('collision', sigma, y, lambda),
        ),
      ).toBeLessThan(1e-12);
      for (const row of y) {
        expect(Math.abs(row.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(
          1e-12,
        );
      }
      const others = (['spg', 'pgd'] as const).map(
        (method) =>
          solvePseudoLabels({
            probs,
            numClasses: K,
            lambda,
            method,
            tol: 1e-15,
            maxIter: 2000,
          }).objectiveValue,
      );
      const best = Math.min(...others);
      expect(result.objectiveValue).toBeLessThanOrEqual(best * (1 + 1e-6));
      if (same) {
        expect(relativeGap(result.objectiveValue, best)).toBeLessThan(1e-6);
      }
      // KKT: N·∂F/∂y equal on each row's support (entries above 1e-6; a
      // smaller entry may still be decaying towards 0), within the slow
      // phases' bound above (N = 100, K = 120 stops at 5e-4)
      const spread = kktSpread(y, collisionGradient(sigma, y, lambda), 1e-6);
      expect(spread / (1 + lambda)).toBeLessThan(1e-3);
    },
  );

  it('returns consistent labels when a cap stops it inside the phase', () => {
    const sigma = randomProbs(60, 600, 3, 34);
    const probs = flatten(sigma);
    const values: number[] = [];
    // iterations 1–2 are the ω searches; later caps stop inside the phase,
    // in its first round and after some
    for (const maxIter of [3, 10, 40, 100]) {
      const result = solvePseudoLabels({
        probs,
        numClasses: 600,
        lambda: 5,
        method: 'em-accelerated',
        tol: 0,
        maxIter,
      });
      expect(result.stopReason).toBe('max-iterations');
      expect(result.iterations).toBe(maxIter);
      const y = toRows(result.pseudoLabels, 600);
      expect(
        relativeGap(result.objectiveValue, objective('collision', sigma, y, 5)),
      ).toBeLessThan(1e-12);
      for (const row of y) {
        expect(Math.min(...row)).toBeGreaterThan(0);
        expect(Math.abs(row.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(
          1e-12,
        );
      }
      values.push(result.objectiveValue);
    }
    for (let t = 1; t < values.length; t++) {
      expect(values[t]!).toBeLessThanOrEqual(values[t - 1]!);
    }
  });

  it('allocates no Float64Array per call in a reused solver', () => {
    const sigma = Float32Array.from(flatten(randomProbs(30, 500, 3, 35)));
    const solver = createSolver({
      numClasses: 500,
      maxRows: 30,
      lambda: 2,
      method: 'em-accelerated',
      maxIter: 200,
    });
    const y = sigma.slice();
    const made = countFloat64Arrays(() => {
      for (let call = 0; call < 3; call++) solver.solveInPlace(sigma, y, 30);
    });
    expect(made).toBe(0);
  });
});

describe('the stalled stop of em-accelerated', () => {
  it('stops with stalled at rounding level and returns the best point it visited', () => {
    // tol = 0 never stops on the relative change while F still moves; on
    // this seeded instance the EM step itself raises F by rounding first
    const sigma = randomProbs(40, 4, 3, 3);
    const result = solvePseudoLabels({
      probs: flatten(sigma),
      numClasses: 4,
      lambda: 5,
      method: 'em-accelerated',
      tol: 0,
      maxIter: 100_000,
    });
    expect(result.stopReason).toBe('stalled');
    expect(result.iterations).toBeLessThan(100_000);
    const values = result.history.map((h) => h.objectiveValue);
    expect(result.objectiveValue).toBe(Math.min(...values));
    const y = toRows(result.pseudoLabels, 4);
    // stalled only near the optimum: the KKT spread is tiny
    const spread = kktSpread(y, collisionGradient(sigma, y, 5), 1e-6);
    expect(spread / 6).toBeLessThan(1e-6);
  });
});
