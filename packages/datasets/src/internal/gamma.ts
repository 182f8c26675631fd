// Gamma and Dirichlet sampling kernels (no argument checks) shared by the
// public samplers and the soft-label generators.
import { CceError, formatValue } from '@cce/errors';
import type { Rng } from '../rng/create-rng.js';
import { assertGreater } from './validate.js';

/**
 * ln of a Gamma(shape, 1) draw, finite even when the draw itself would
 * underflow to 0 (shape far below 1). Internal: no argument checks.
 */
export function sampleLogGammaUnchecked(rng: Rng, shape: number): number {
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) * U^(1/a); in logs: ln G(a+1) + ln(U) / a.
    const u = 1 - rng.next(); // (0, 1]
    return sampleLogGammaUnchecked(rng, shape + 1) + Math.log(u) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return Math.log(d * v);
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      return Math.log(d * v);
    }
  }
}

/**
 * Checks a concentration argument (a number > 0, or K numbers > 0) and
 * returns it as an array of length K.
 */
export function concentrationVector(
  fn: string,
  alpha: number | ArrayLike<number>,
  numClasses: number,
): Float64Array {
  const out = new Float64Array(numClasses);
  if (typeof alpha === 'number') {
    assertGreater(fn, 'alpha', alpha, 0);
    out.fill(alpha);
    return out;
  }
  if (alpha === null || typeof alpha !== 'object' || !('length' in alpha)) {
    throw new CceError({
      fn,
      argument: 'alpha',
      expected: 'a number > 0 or an array of numClasses numbers > 0',
      received: formatValue(alpha),
    });
  }
  if (alpha.length !== numClasses) {
    throw new CceError({
      fn,
      argument: 'alpha',
      expected: `length ${numClasses} (numClasses)`,
      received: `length ${alpha.length}`,
    });
  }
  for (let k = 0; k < numClasses; k++) {
    assertGreater(fn, `alpha[${k}]`, alpha[k], 0);
    out[k] = alpha[k]!;
  }
  return out;
}

/** Fills `out[offset .. offset+K)` with one Dirichlet draw. No checks. */
export function sampleDirichletInto(
  rng: Rng,
  alpha: Float64Array,
  out: Float32Array | Float64Array,
  offset: number,
  scratch: Float64Array,
): void {
  const k = alpha.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < k; j++) {
    const g = sampleLogGammaUnchecked(rng, alpha[j]!);
    scratch[j] = g;
    if (g > max) max = g;
  }
  // Softmax of the log-gammas: the largest term is exp(0) = 1, so the sum
  // is >= 1 and the division is safe.
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const e = Math.exp(scratch[j]! - max);
    scratch[j] = e;
    sum += e;
  }
  for (let j = 0; j < k; j++) out[offset + j] = scratch[j]! / sum;
}
