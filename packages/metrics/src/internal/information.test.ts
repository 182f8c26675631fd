import { describe, expect, it } from 'vitest';
import {
  expectedMutualInfoFullSum,
  seededRandom,
} from '../../test/reference.js';
import { expectedMutualInformation } from './information.js';

describe('expectedMutualInformation', () => {
  it('matches the full hypergeometric sum when sizes are skewed', () => {
    const random = seededRandom(91);
    for (const [n, kt, kp] of [
      [50, 3, 4],
      [400, 6, 2],
      [3000, 12, 9],
      [100000, 20, 20],
    ] as const) {
      const a = cutSizes(random, n, kt);
      const b = cutSizes(random, n, kp);
      const fast = expectedMutualInformation(
        Float64Array.from(a),
        Float64Array.from(b),
        n,
      );
      const full = expectedMutualInfoFullSum(a, b, n);
      // Both sides round ln P at ~N ln N · 1e-16: ~1e-10 relative at N = 1e5.
      expect(full).toBeGreaterThan(0);
      expect(Math.abs(fast - full)).toBeLessThan(1e-9 * full);
    }
  });

  it('is 0 when one labeling has a single cluster', () => {
    const sizes = Float64Array.from([3, 4]);
    expect(expectedMutualInformation(Float64Array.from([7]), sizes, 7)).toBe(0);
  });
});

/** Splits n into k positive sizes with random (skewed) proportions. */
function cutSizes(random: () => number, n: number, k: number): number[] {
  const weights = Array.from({ length: k }, () => random() ** 3 + 0.01);
  const total = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / total) * n)));
  sizes[0]! += n - sizes.reduce((s, x) => s + x, 0);
  return sizes;
}
