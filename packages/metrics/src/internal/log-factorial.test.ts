import { describe, expect, it } from 'vitest';
import { logFactorial } from './log-factorial.js';

/** ln(n!) by compensated summation of ln k (independent of Stirling). */
function sumOfLogs(n: number): number {
  let sum = 0;
  let carry = 0;
  for (let k = 2; k <= n; k++) {
    const y = Math.log(k) - carry;
    const t = sum + y;
    carry = t - sum - y;
    sum = t;
  }
  return sum;
}

describe('logFactorial', () => {
  it('gives exact small factorials when n is small', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 15);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 14);
  });

  it('matches the sum of logarithms across the table and series ranges', () => {
    for (const n of [100, 255, 256, 257, 1000, 12345, 100000]) {
      const reference = sumOfLogs(n);
      expect(Math.abs(logFactorial(n) - reference)).toBeLessThan(
        4e-15 * reference,
      );
    }
  });
});
