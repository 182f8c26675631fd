// Euclidean projection of one row onto the probability simplex, by
// Michelot's (1986) pivoting: the threshold only grows, so at most K passes.

/**
 * Replaces x[offset .. offset+K) by argmin_{p ∈ Δ^K} ‖p − x‖², i.e.
 * `p_k = max(x_k − τ, 0)` with τ chosen so the entries sum to 1.
 * Entries must be finite.
 */
export function projectRowOntoSimplex(
  x: Float64Array,
  offset: number,
  numClasses: number,
): void {
  let sum = 0;
  for (let k = 0; k < numClasses; k++) sum += x[offset + k]!;
  let tau = (sum - 1) / numClasses;
  let active = numClasses;
  for (let pass = 0; pass < numClasses; pass++) {
    let kept = 0;
    let keptSum = 0;
    for (let k = 0; k < numClasses; k++) {
      const v = x[offset + k]!;
      if (v > tau) {
        kept++;
        keptSum += v;
      }
    }
    if (kept === 0) break;
    tau = (keptSum - 1) / kept;
    if (kept === active) break;
    active = kept;
  }
  for (let k = 0; k < numClasses; k++) {
    const v = x[offset + k]! - tau;
    x[offset + k] = Math.max(v, 0);
  }
}
