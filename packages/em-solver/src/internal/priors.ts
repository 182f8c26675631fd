// The class-balance terms of the pseudo-label problems, in the summed form
// N·λ·KL(·) used by all solvers, computed from column sums col_k = N·ȳ_k.

/**
 * `N·λ·KL(u‖ȳ) = −λN ln K − (λN/K) Σ_k ln(col_k / N)`; +∞ when a class is
 * empty and λ > 0; exactly 0 when λ = 0 (no `0 · ∞`).
 */
export function uniformKlSum(
  col: Float64Array,
  n: number,
  numClasses: number,
  lambda: number,
): number {
  return uniformKlSumAt(col, 0, n, numClasses, lambda);
}

/** uniformKlSum of the class sums col[offset … offset + K − 1]. */
export function uniformKlSumAt(
  col: Float64Array,
  offset: number,
  n: number,
  numClasses: number,
  lambda: number,
): number {
  if (lambda === 0) return 0;
  let sumLog = 0;
  for (let k = 0; k < numClasses; k++) {
    sumLog += Math.log(col[offset + k]! / n);
  }
  return (
    -lambda * n * Math.log(numClasses) - ((lambda * n) / numClasses) * sumLog
  );
}

/**
 * `N·λ·KL(ȳ‖u) = λ Σ_k col_k ln(K col_k / N)` with `0 · ln 0 = 0`.
 */
export function marginalKlSum(
  col: Float64Array,
  n: number,
  numClasses: number,
  lambda: number,
): number {
  if (lambda === 0) return 0;
  let sum = 0;
  for (let k = 0; k < numClasses; k++) {
    const c = col[k] as number;
    if (c > 0) sum += c * Math.log((numClasses * c) / n);
  }
  return lambda * sum;
}

/** `max_k |K·col_k/N − 1|`. */
export function marginalError(
  col: Float64Array,
  n: number,
  numClasses: number,
): number {
  let worst = 0;
  for (let k = 0; k < numClasses; k++) {
    const e = Math.abs((numClasses * col[k]!) / n - 1);
    if (e > worst) worst = e;
  }
  return worst;
}

/** Column sums of the first n rows of y into col. */
export function columnSums(
  y: Float64Array,
  n: number,
  numClasses: number,
  col: Float64Array,
): void {
  col.fill(0, 0, numClasses);
  for (let i = 0; i < n; i++) {
    const row = i * numClasses;
    for (let k = 0; k < numClasses; k++) {
      col[k] = col[k]! + y[row + k]!;
    }
  }
}
