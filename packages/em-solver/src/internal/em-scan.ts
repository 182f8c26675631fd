// One read-only pass that prices several over-relaxed EM steps at once: the
// line search of 'em-accelerated'. NOTE [EM as a multiplicative update] in
// em-methods.ts gives the step; em-maps.ts writes the chosen one.
import { PSEUDO_LABEL_FLOOR } from '../constants.js';
import { uniformKlSumAt } from './priors.js';

/** NOTE [imported constants in hot loops] in em-maps.ts. */
const FLOOR = PSEUDO_LABEL_FLOOR;

/** Largest exponent j of a trial ω = 2^j. */
export const MAX_OMEGA_EXPONENT = 14;

/** Number of trial exponents 0…MAX_OMEGA_EXPONENT. */
export const OMEGA_SLOTS = MAX_OMEGA_EXPONENT + 1;

/**
 * Over-relaxed EM (em-methods.ts, working-set.ts): after the first increase
 * ω grows ×RELAXED_GROWTH per decrease; after an increase it restarts at
 * the rejected ω divided by RELAXED_BACKOFF, never below RELAXED_RESTART.
 * Restarting at
 * 1.5 every time made ω cycle 2 → 195 on N = 256, K = 10, λ = 1, where
 * the good steps are ω ≈ 30–130: eight weak steps per cycle.
 */
export const RELAXED_GROWTH = 1.5;
export const RELAXED_RESTART = 1.5;
export const RELAXED_BACKOFF = 4;

/** Scratch a scan needs. */
export interface ScanScratch {
  /** [OMEGA_SLOTS · K]: the class sums of each trial point. */
  cols: Float64Array;
  /** [OMEGA_SLOTS]: reverse only: row sums Z and running log sums. */
  z: Float64Array;
  logs: Float64Array;
  /** [3·K]: collision only: one row's powers of the ratios, one block per trial. */
  base: Float64Array;
  /**
   * Collision with maxRows·K <= WRITE_ALL_MAX_ENTRIES: three [maxRows·K]
   * trial points and three [maxRows] row dot products, so the scan keeps
   * every trial (NOTE [keeping every trial]); else empty.
   */
  points: Float64Array[];
  rows: Float64Array[];
}

/*
 * NOTE [keeping every trial]
 * The collision scan writes one trial point, the caller's guess of the
 * winner; any other winner costs an EM pass to write. After the coarse
 * search the guess is the middle trial, which won 2 of 18 times on the E3
 * cells with K <= 100 and N <= 4096. Where the three points fit in cache
 * the scan stores all of them instead, and the winner is copied out.
 */

/** `write` value asking the collision scan to keep every trial. */
export const KEEP_EVERY_TRIAL = 3;

/** Largest maxRows·K whose three trial points the collision scan keeps. */
export const WRITE_ALL_MAX_ENTRIES = 1 << 16;

/**
 * Prices the three trial points dst(ω) for ω = 2^j, j = lo, lo + step,
 * lo + 2·step, of one iterate and writes Φ(dst(ω)) (or its estimate) to
 * out[j]. The collision scan also writes trial number `write` (0, 1, 2: the
 * caller's guess of the winner) to dst with its row dot products and class
 * sums, exactly as the em-maps.ts step would, and returns that trial's j;
 * with `write` = KEEP_EVERY_TRIAL (scratch.points must then hold three
 * buffers) it writes every trial t to scratch.points[t] instead (row dot
 * products to scratch.rows[t]; class sums stay in scratch.cols) and returns
 * −1, as the reverse scan, which writes nothing.
 */
export type EmScan = (
  sigma: Float64Array,
  src: Float64Array,
  n: number,
  numClasses: number,
  lambda: number,
  srcRow: Float64Array,
  beta: Float64Array,
  lo: number,
  step: number,
  scratch: ScanScratch,
  out: Float64Array,
  dst: Float64Array,
  dstRow: Float64Array,
  dstCol: Float64Array,
  write: number,
) => number;

/**
 * b^(2^j) by j squarings, cut short at 0 once the power falls below TINY:
 * most ratios b are far below 1, and the dependent chain of squarings is the
 * scan's main cost. Any entry built from such a power is below
 * PSEUDO_LABEL_FLOOR after normalisation (the row maximum has b = 1 and
 * y >= 1e-30), so the floored trial point is unchanged.
 */
export function powerOfTwo(b: number, j: number): number {
  let p = b;
  for (let q = 0; q < j; q++) {
    p *= p;
    if (p < SMALL) return 0;
  }
  return p;
}

/** See powerOfTwo. */
const SMALL = 1e-150;
export const TINY = SMALL;

/** A running product is folded into its log once it falls below this. */
const PRODUCT_FLUSH = 1e-150;

/*
 * NOTE [pricing many ω in one pass]
 * The over-relaxed step is dst_i ∝ src_i ⊙ b_i^ω with b_i = a_i / max_k a_ik
 * in (0, 1]. For ω = 2^j the powers come from j squarings, so the powers for
 * every exponent up to lo + 2·step cost that many multiplications per entry:
 * the chain repeated squaring computes anyway. Each trial point needs its own
 * row sum Z before its entries are known, so a row is swept twice (it stays
 * in cache): once for the Z_j, once for the normalised, floored entries,
 * which feed the dot products d_j = dst_i(ω)·σ_i and class sums of every
 * trial. The prices agree with the em-maps.ts step up to rounding; the
 * caller still checks every accepted value against the current one.
 */

/**
 * Collision: out[j] = −Σ_i ln d_ij + N·λ·KL(u‖ȳ_j), exactly as the map
 * computes it, with the accumulators in locals and each row's three powers
 * computed once into scratch.base.
 */
export const collisionScan: EmScan = (
  sigma,
  src,
  n,
  K,
  lambda,
  srcRow,
  beta,
  lo,
  step,
  scratch,
  out,
  dst,
  dstRow,
  dstCol,
  write,
) => {
  const { cols, base } = scratch;
  const all = write === KEEP_EVERY_TRIAL;
  const y0 = all ? scratch.points[0]! : dst;
  const y1 = all ? scratch.points[1]! : dst;
  const y2 = all ? scratch.points[2]! : dst;
  const F = FLOOR;
  const o0 = lo * K;
  const o1 = o0 + step * K;
  const o2 = o1 + step * K;
  // Every entry starts as floored (F) and the loop adds v − F for the rest:
  // rows whose powers all vanished then cost nothing in the second sweep.
  cols.fill(n * F, o0, o2 + K);
  let log0 = 0;
  let log1 = 0;
  let log2 = 0;
  let prod0 = 1;
  let prod1 = 1;
  let prod2 = 1;
  for (let i = 0; i < n; i++) {
    const r = i * K;
    const inv = 1 / srcRow[i]!;
    let amax = 0;
    let mass = 0;
    for (let k = 0; k < K; k++) {
      const s = sigma[r + k]!;
      const a = s * inv + beta[k]!;
      base[k] = a;
      mass += s;
      if (a > amax) amax = a;
    }
    const scale = 1 / amax;
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    for (let k = 0; k < K; k++) {
      let p = base[k]! * scale;
      p = powerOfTwo(p, lo);
      base[k] = p;
      const y = src[r + k]!;
      const p1 = powerOfTwo(p, step);
      const p2 = powerOfTwo(p1, step);
      base[K + k] = p1;
      base[2 * K + k] = p2;
      z0 += y * p;
      z1 += y * p1;
      z2 += y * p2;
    }
    const i0 = 1 / z0;
    const i1 = 1 / z1;
    const i2 = 1 / z2;
    let d0 = F * mass;
    let d1 = d0;
    let d2 = d0;
    for (let k = 0; k < K; k++) {
      const p = base[k]!;
      if (p === 0) {
        // all three trial entries are floored
        if (all) {
          y0[r + k] = F;
          y1[r + k] = F;
          y2[r + k] = F;
        } else dst[r + k] = F;
        continue;
      }
      const y = src[r + k]!;
      const s = sigma[r + k]!;
      const p1 = base[K + k]!;
      const p2 = base[2 * K + k]!;
      let v0 = y * p * i0;
      let v1 = y * p1 * i1;
      let v2 = y * p2 * i2;
      if (v0 < F) v0 = F;
      if (v1 < F) v1 = F;
      if (v2 < F) v2 = F;
      if (all) {
        y0[r + k] = v0;
        y1[r + k] = v1;
        y2[r + k] = v2;
      } else dst[r + k] = write === 0 ? v0 : write === 1 ? v1 : v2;
      v0 -= F;
      v1 -= F;
      v2 -= F;
      d0 += v0 * s;
      d1 += v1 * s;
      d2 += v2 * s;
      cols[o0 + k] = cols[o0 + k]! + v0;
      cols[o1 + k] = cols[o1 + k]! + v1;
      cols[o2 + k] = cols[o2 + k]! + v2;
    }
    if (all) {
      scratch.rows[0]![i] = d0;
      scratch.rows[1]![i] = d1;
      scratch.rows[2]![i] = d2;
    } else dstRow[i] = write === 0 ? d0 : write === 1 ? d1 : d2;
    prod0 *= d0;
    prod1 *= d1;
    prod2 *= d2;
    if (prod0 < PRODUCT_FLUSH) {
      log0 += Math.log(prod0);
      prod0 = 1;
    }
    if (prod1 < PRODUCT_FLUSH) {
      log1 += Math.log(prod1);
      prod1 = 1;
    }
    if (prod2 < PRODUCT_FLUSH) {
      log2 += Math.log(prod2);
      prod2 = 1;
    }
  }
  out[lo] = -(log0 + Math.log(prod0)) + uniformKlSumAt(cols, o0, n, K, lambda);
  out[lo + step] =
    -(log1 + Math.log(prod1)) + uniformKlSumAt(cols, o1, n, K, lambda);
  out[lo + 2 * step] =
    -(log2 + Math.log(prod2)) + uniformKlSumAt(cols, o2, n, K, lambda);
  if (all) return -1;
  const ow = write === 0 ? o0 : write === 1 ? o1 : o2;
  for (let k = 0; k < K; k++) dstCol[k] = cols[ow + k]!;
  return lo + write * step;
};

/**
 * Reverse: out[j] estimates −Σ_ik σ_ik ln dst_ik + N·λ·KL(u‖ȳ_j) from
 * ln dst_ik = ln src_ik + ω ln b_ik − ln Z_ij, which ignores the floor (an
 * entry floored up only lowers the true value: the estimate is an upper
 * bound of Φ for the floored point: such a trial can only be passed over).
 */
export const reverseScan: EmScan = (
  sigma,
  src,
  n,
  K,
  lambda,
  _srcRow,
  beta,
  lo,
  step,
  scratch,
  out,
) => {
  const hi = lo + 2 * step;
  const { cols, z, logs } = scratch;
  const F = FLOOR;
  cols.fill(0, lo * K, (hi + 1) * K);
  logs.fill(0, lo, hi + 1);
  for (let i = 0; i < n; i++) {
    const r = i * K;
    let amax = 0;
    for (let k = 0; k < K; k++) {
      const s = sigma[r + k]!;
      const a = (s > 0 ? s / src[r + k]! : 0) + beta[k]!;
      if (a > amax) amax = a;
    }
    const scale = 1 / amax;
    z.fill(0, lo, hi + 1);
    let lnSrc = 0;
    let lnBase = 0;
    let mass = 0;
    for (let k = 0; k < K; k++) {
      const y = src[r + k]!;
      const s = sigma[r + k]!;
      let p = ((s > 0 ? s / y : 0) + beta[k]!) * scale;
      if (s > 0) {
        lnSrc += s * Math.log(y);
        lnBase += s * Math.log(p);
        mass += s;
      }
      p = powerOfTwo(p, lo);
      for (let j = lo; j <= hi; j += step) {
        z[j] = z[j]! + y * p;
        for (let q = 0; q < step; q++) p *= p;
      }
    }
    for (let j = lo; j <= hi; j += step) {
      const total = z[j]!;
      z[j] = 1 / total;
      logs[j] = logs[j]! - (lnSrc + 2 ** j * lnBase - mass * Math.log(total));
    }
    for (let k = 0; k < K; k++) {
      const y = src[r + k]!;
      const s = sigma[r + k]!;
      let p = ((s > 0 ? s / y : 0) + beta[k]!) * scale;
      p = powerOfTwo(p, lo);
      for (let j = lo; j <= hi; j += step) {
        let v = y * p * z[j]!;
        if (v < F) v = F;
        const c = j * K + k;
        cols[c] = cols[c]! + v;
        for (let q = 0; q < step; q++) p *= p;
      }
    }
  }
  for (let j = lo; j <= hi; j += step) {
    out[j] = logs[j]! + uniformKlSumAt(cols, j * K, n, K, lambda);
  }
  return -1;
};
