// Fisher–Yates shuffles driven by the package's seeded generator.
import type { Rng } from '../rng/create-rng.js';

/** Shuffles `a` in place (uniform over all orders, up to the generator). */
export function shuffleInPlace(a: Int32Array, rng: Rng): Int32Array {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/** `[0, 1, …, n−1]` in random order. */
export function randomPermutation(n: number, rng: Rng): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return shuffleInPlace(a, rng);
}

/** Reorders rows of width `d` (and labels) by `order`, into new arrays. */
export function permuteRows(
  x: Float32Array,
  labels: Int32Array,
  d: number,
  order: Int32Array,
): { x: Float32Array; labels: Int32Array } {
  const outX = new Float32Array(x.length);
  const outLabels = new Int32Array(labels.length);
  for (let i = 0; i < order.length; i++) {
    const src = order[i]!;
    outX.set(x.subarray(src * d, src * d + d), i * d);
    outLabels[i] = labels[src]!;
  }
  return { x: outX, labels: outLabels };
}
