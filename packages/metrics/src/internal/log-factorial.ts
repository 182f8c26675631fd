// ln(n!) for integers n >= 0 in float64: a table for small n, Stirling's
// series for large n (as accurate as C's lgamma: a few ulps of the value).

const TABLE_SIZE = 256;
const HALF_LN_TWO_PI = 0.9189385332046728; // ln(2π) / 2

// ln(n!) for n < 256 by compensated (Neumaier) summation of ln k.
const TABLE = (() => {
  const table = new Float64Array(TABLE_SIZE);
  let sum = 0;
  let carry = 0;
  for (let k = 2; k < TABLE_SIZE; k++) {
    const term = Math.log(k);
    const next = sum + term;
    carry += Math.abs(sum) >= term ? sum - next + term : term - next + sum;
    sum = next;
    table[k] = sum + carry;
  }
  return table;
})();

/**
 * `ln(n!) = lnΓ(n + 1)` for an integer `n >= 0`. For `n >= 256` uses
 * `lnΓ(x) = (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵)
 * − 1/(1680x⁷)` with `x = n + 1`, whose truncation error is below 1e-24.
 */
export function logFactorial(n: number): number {
  if (n < TABLE_SIZE) return TABLE[n]!;
  const x = n + 1;
  const r = 1 / x;
  const r2 = r * r;
  const series =
    r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680))));
  return (x - 0.5) * Math.log(x) - x + HALF_LN_TWO_PI + series;
}
