// The (over-relaxed) EM maps of the collision and reverse problems, fused
// with the statistics of the new point. Derivation: NOTE [EM as a
// multiplicative update] in em-methods.ts; DESIGN.md gives the E and M steps.
import { PSEUDO_LABEL_FLOOR } from '../constants.js';
import { priceUniform } from './models.js';
import { TINY } from './em-scan.js';
import { uniformKlSum } from './priors.js';

/*
 * NOTE [imported constants in hot loops]
 * A hot loop reads its constants from module-local copies, never from an
 * import: V8 cannot fold an imported binding, so `if (v < F) v = F` with F
 * imported made v a boxed value and the plain EM step ran 1.7× slower
 * (tmp benchmark of the step alone; E3's "EM iteration" table measures it).
 */
const FLOOR = PSEUDO_LABEL_FLOOR;
const SMALL = TINY;

/** Signature shared by the two EM maps; returns Φ(dst) = N·F(dst). */
export type EmMap = (
  sigma: Float64Array,
  src: Float64Array,
  n: number,
  numClasses: number,
  lambda: number,
  srcRow: Float64Array,
  srcCol: Float64Array,
  dst: Float64Array,
  dstRow: Float64Array,
  dstCol: Float64Array,
  beta: Float64Array,
  omega: number,
) => number;

/**
 * dst_i ∝ src_i ⊙ (a_i / max_k a_ik)^ω with a_ik = σ_ik/d_i + β_k,
 * d_i = src_i·σ_i (srcRow), β_k = (λN/K)/col_k. ω = 1 is exactly the EM
 * step of DESIGN.md; ω is a positive integer (repeated squaring).
 */
export const collisionEmMap: EmMap = (
  sigma,
  src,
  n,
  numClasses,
  lambda,
  srcRow,
  srcCol,
  dst,
  dstRow,
  dstCol,
  beta,
  omega,
) => {
  priceUniform(srcCol, n, numClasses, lambda, beta);
  const data =
    omega === 1
      ? collisionEmStep(
          sigma,
          src,
          n,
          numClasses,
          srcRow,
          dst,
          dstRow,
          dstCol,
          beta,
        )
      : collisionRelaxedStep(
          sigma,
          src,
          n,
          numClasses,
          srcRow,
          dst,
          dstRow,
          dstCol,
          beta,
          omega,
        );
  return data + uniformKlSum(dstCol, n, numClasses, lambda);
};

/** ln of a running product is taken once it falls below this. */
const PRODUCT_FLUSH = 1e-150;

/*
 * NOTE [fused EM step]
 * With t_i = Σ_k y_ik β_k, the EM step's row sum is known before the row is
 * written: Σ_k y_ik (σ_ik/d_i + β_k) = 1 + t_i (the 1 + (λN/K) Σ_c M_ic of
 * DESIGN.md), so each entry is written once, already normalised. Rows go
 * four at a time so each class sum col_k is read and written once per four
 * rows (the read-modify-write of col_k dominated the one-row loop), and
 * Σ_i ln d_i is taken as ln of running products of the d_i >= 1e-30.
 */

/** The plain EM step (ω = 1); returns −Σ_i ln d_i of the new point. */
function collisionEmStep(
  sigma: Float64Array,
  src: Float64Array,
  n: number,
  K: number,
  srcRow: Float64Array,
  dst: Float64Array,
  dstRow: Float64Array,
  dstCol: Float64Array,
  beta: Float64Array,
): number {
  const F = FLOOR;
  dstCol.fill(0, 0, K);
  let logSum = 0;
  let product = 1;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = i * K;
    const b = a + K;
    const c = b + K;
    const e = c + K;
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (let k = 0; k < K; k++) {
      const bk = beta[k]!;
      t0 += src[a + k]! * bk;
      t1 += src[b + k]! * bk;
      t2 += src[c + k]! * bk;
      t3 += src[e + k]! * bk;
    }
    const s0 = 1 / (1 + t0);
    const s1 = 1 / (1 + t1);
    const s2 = 1 / (1 + t2);
    const s3 = 1 / (1 + t3);
    const p0 = s0 / srcRow[i]!;
    const p1 = s1 / srcRow[i + 1]!;
    const p2 = s2 / srcRow[i + 2]!;
    const p3 = s3 / srcRow[i + 3]!;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    for (let k = 0; k < K; k++) {
      const bk = beta[k]!;
      const g0 = sigma[a + k]!;
      const g1 = sigma[b + k]!;
      const g2 = sigma[c + k]!;
      const g3 = sigma[e + k]!;
      let v0 = src[a + k]! * (g0 * p0 + bk * s0);
      let v1 = src[b + k]! * (g1 * p1 + bk * s1);
      let v2 = src[c + k]! * (g2 * p2 + bk * s2);
      let v3 = src[e + k]! * (g3 * p3 + bk * s3);
      if (v0 < F) v0 = F;
      if (v1 < F) v1 = F;
      if (v2 < F) v2 = F;
      if (v3 < F) v3 = F;
      dst[a + k] = v0;
      dst[b + k] = v1;
      dst[c + k] = v2;
      dst[e + k] = v3;
      d0 += v0 * g0;
      d1 += v1 * g1;
      d2 += v2 * g2;
      d3 += v3 * g3;
      dstCol[k] = dstCol[k]! + v0 + v1 + v2 + v3;
    }
    dstRow[i] = d0;
    dstRow[i + 1] = d1;
    dstRow[i + 2] = d2;
    dstRow[i + 3] = d3;
    product *= d0 * d1 * d2 * d3;
    if (product < PRODUCT_FLUSH) {
      logSum += Math.log(product);
      product = 1;
    }
  }
  for (; i < n; i++) {
    const a = i * K;
    let t = 0;
    for (let k = 0; k < K; k++) t += src[a + k]! * beta[k]!;
    const s = 1 / (1 + t);
    const p = s / srcRow[i]!;
    let d = 0;
    for (let k = 0; k < K; k++) {
      const g = sigma[a + k]!;
      let v = src[a + k]! * (g * p + beta[k]! * s);
      if (v < F) v = F;
      dst[a + k] = v;
      d += v * g;
      dstCol[k] = dstCol[k]! + v;
    }
    dstRow[i] = d;
    logSum += Math.log(d);
  }
  return -(logSum + Math.log(product));
}

// LIMITATION(L-002): two passes per row plus ⌈log2 ω⌉ squarings per entry;
// costs about 2–5 plain EM steps.
/** The over-relaxed step (integer ω > 1); returns −Σ_i ln d_i. */
function collisionRelaxedStep(
  sigma: Float64Array,
  src: Float64Array,
  n: number,
  K: number,
  srcRow: Float64Array,
  dst: Float64Array,
  dstRow: Float64Array,
  dstCol: Float64Array,
  beta: Float64Array,
  omega: number,
): number {
  dstCol.fill(0, 0, K);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = i * K;
    const inv = 1 / srcRow[i]!;
    let amax = 0;
    for (let k = 0; k < K; k++) {
      const a = sigma[r + k]! * inv + beta[k]!;
      dst[r + k] = a;
      if (a > amax) amax = a;
    }
    const total = raiseRow(src, dst, r, K, 1 / amax, omega);
    const dot = normaliseRow(sigma, dst, r, K, 1 / total, dstCol);
    dstRow[i] = dot;
    sum -= Math.log(dot);
  }
  return sum;
}

/**
 * dst_i ∝ src_i ⊙ (a_i / max_k a_ik)^ω with a_ik = σ_ik/y_ik + β_k; for ω = 1
 * this is `(σ_ik + β_k y_ik) / (1 + Σ_c β_c y_ic)`, the EM step with S = σ.
 */
export const reverseEmMap: EmMap = (
  sigma,
  src,
  n,
  numClasses,
  lambda,
  _srcRow,
  srcCol,
  dst,
  _dstRow,
  dstCol,
  beta,
  omega,
) => {
  priceUniform(srcCol, n, numClasses, lambda, beta);
  dstCol.fill(0, 0, numClasses);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = i * numClasses;
    let total = 0;
    if (omega === 1) {
      for (let k = 0; k < numClasses; k++) {
        const v = sigma[r + k]! + src[r + k]! * beta[k]!;
        dst[r + k] = v;
        total += v;
      }
    } else {
      let amax = 0;
      for (let k = 0; k < numClasses; k++) {
        const s = sigma[r + k]!;
        const a = (s > 0 ? s / src[r + k]! : 0) + beta[k]!;
        dst[r + k] = a;
        if (a > amax) amax = a;
      }
      total = raiseRow(src, dst, r, numClasses, 1 / amax, omega);
    }
    normaliseRow(sigma, dst, r, numClasses, 1 / total, dstCol);
    for (let k = 0; k < numClasses; k++) {
      const s = sigma[r + k]!;
      if (s > 0) sum -= s * Math.log(dst[r + k]!);
    }
  }
  return sum + uniformKlSum(dstCol, n, numClasses, lambda);
};

/** dst[r+k] ← src[r+k]·(dst[r+k]·scale)^omega; returns the row sum. */
function raiseRow(
  src: Float64Array,
  dst: Float64Array,
  r: number,
  numClasses: number,
  scale: number,
  omega: number,
): number {
  let total = 0;
  for (let k = 0; k < numClasses; k++) {
    let base = dst[r + k]! * scale;
    let power = 1;
    // exponentiation by squaring, cut short like powerOfTwo (em-scan.ts):
    // once base < TINY the power is below the floor's reach
    for (let e = omega; ; ) {
      if (e & 1) power *= base;
      e >>= 1;
      if (e === 0) break;
      base *= base;
      if (base < SMALL) {
        power = 0;
        break;
      }
    }
    const v = src[r + k]! * power;
    dst[r + k] = v;
    total += v;
  }
  return total;
}

// LIMITATION(L-003): EM output never has exact zeros (floor 1e-30).
/**
 * Scales the row to sum 1, floors it at PSEUDO_LABEL_FLOOR, adds it to the
 * column sums and returns its dot product with σ.
 */
function normaliseRow(
  sigma: Float64Array,
  dst: Float64Array,
  r: number,
  numClasses: number,
  scale: number,
  dstCol: Float64Array,
): number {
  let dot = 0;
  for (let k = 0; k < numClasses; k++) {
    let v = dst[r + k]! * scale;
    if (v < FLOOR) v = FLOOR;
    dst[r + k] = v;
    dot += v * sigma[r + k]!;
    dstCol[k] = dstCol[k]! + v;
  }
  return dot;
}
