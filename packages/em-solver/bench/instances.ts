// Seeded random pseudo-label problems for the E3 benchmark: σ = softmax of
// Gaussian logits times a scale, row-major [N, K] Float64Array.

/** Mulberry32 uniforms in [0, 1). */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** σ_i = softmax(scale · z_i), z_ik ~ N(0, 1) by Box–Muller. */
export function randomProbs(
  n: number,
  numClasses: number,
  scale: number,
  seed: number,
): Float64Array {
  const rng = makeRng(seed);
  const probs = new Float64Array(n * numClasses); // [N, K]
  for (let i = 0; i < n; i++) {
    const r = i * numClasses;
    let top = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < numClasses; k++) {
      const u = 1 - rng();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
      probs[r + k] = scale * z;
      top = Math.max(top, scale * z);
    }
    let total = 0;
    for (let k = 0; k < numClasses; k++) {
      const e = Math.exp(probs[r + k]! - top);
      probs[r + k] = e;
      total += e;
    }
    for (let k = 0; k < numClasses; k++) probs[r + k]! /= total;
  }
  return probs;
}

/**
 * The memory-bandwidth reference: one pass that reads σ and y and writes z
 * (the traffic of one EM step), summing z so it cannot be optimised away.
 */
export function bandwidthPass(
  sigma: Float64Array,
  y: Float64Array,
  z: Float64Array,
): number {
  let sum = 0;
  for (let j = 0; j < sigma.length; j++) {
    const v = sigma[j]! * y[j]!;
    z[j] = v;
    sum += v;
  }
  return sum;
}
