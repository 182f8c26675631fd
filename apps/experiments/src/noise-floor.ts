// How often the argmax of an E1 noisy label is still the true class: the
// train accuracy (against the true labels) of a network that has copied its
// noisy targets, so the floor that memorisation drives train accuracy to.

/*
 * NOTE [argmax of a Dirichlet-noised label]
 * y = (1 − η)·e_t + η·d with d ~ Dirichlet(1), i.e. d uniform on the
 * simplex. The argmax leaves t iff d_k > d_t + a for some k ≠ t, with
 * a = (1 − η)/η. For a set S of m classes other than t, substitute
 * d_k = d_t + a + e_k (k ∈ S): the constraint Σd = 1 becomes
 * (m + 1)·d_t + Σ e + Σ_{rest} d = 1 − m·a over non-negative variables,
 * a simplex of total 1 − m·a whose d_t axis is shrunk by m + 1, so
 * P(all k ∈ S beat t by a) = (1 − m·a)₊^(K−1) / (m + 1).
 * Inclusion–exclusion over S gives
 * P(argmax ≠ t) = Σ_{m=1}^{K−1} (−1)^(m+1) C(K−1, m) (1 − m·a)₊^(K−1) / (m + 1).
 * Check: K = 2 gives (1 − a)/2, the length of {d_1 ≥ (1 + a)/2} in [0, 1].
 */

/**
 * P(argmax((1 − η)·e_t + η·d) = t) for d ~ Dirichlet(1) over `k` classes
 * (NOTE [argmax of a Dirichlet-noised label]); 1 for η <= 1/2.
 */
export function cleanArgmaxRate(eta: number, k: number): number {
  if (!(eta >= 0 && eta <= 1)) {
    throw new RangeError(`cleanArgmaxRate: eta must be in [0, 1], got ${eta}`);
  }
  if (!(Number.isInteger(k) && k >= 2)) {
    throw new RangeError(
      `cleanArgmaxRate: k must be an integer >= 2, got ${k}`,
    );
  }
  if (eta === 0) return 1;
  const a = (1 - eta) / eta;
  let wrong = 0;
  let choose = 1; // C(k − 1, m)
  for (let m = 1; m <= k - 1; m++) {
    choose = (choose * (k - m)) / m;
    const s = 1 - m * a;
    if (s <= 0) break;
    wrong += ((m % 2 === 1 ? 1 : -1) * choose * s ** (k - 1)) / (m + 1);
  }
  return 1 - wrong;
}

/**
 * Share of the way from no memorisation (train accuracy `reference`, e.g.
 * the same network trained without noise) to full memorisation (train
 * accuracy = the labels' clean-argmax rate `floor`):
 * (reference − trainAcc) / (reference − floor); NaN when reference <= floor.
 */
export function fittedNoiseShare(
  trainAcc: number,
  floor: number,
  reference = 1,
): number {
  return reference > floor
    ? (reference - trainAcc) / (reference - floor)
    : Number.NaN;
}
