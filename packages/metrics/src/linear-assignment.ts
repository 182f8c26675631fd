// Rectangular linear assignment (the Hungarian problem) on a dense cost
// matrix, solved by our shortest-augmenting-path (Jonker–Volgenant) code.

import { CceError, formatValue } from '@cce/errors';
import { solveShortestAugmentingPath } from './internal/shortest-augmenting-path.js';
import { checkInteger } from './internal/validate.js';

/** Options of {@link linearAssignment}. */
export interface LinearAssignmentOptions {
  /** Maximise the total instead of minimising it; default `false`. */
  maximize?: boolean;
}

/** An optimal one-to-one assignment of rows to columns. */
export interface LinearAssignment {
  /** Column of each row, or -1 for rows left out (`rows > cols`), `[rows]`. */
  rowToCol: Int32Array;
  /** Row of each column, or -1 for columns left out, `[cols]`. */
  colToRow: Int32Array;
  /** `Σ cost[i, rowToCol[i]]` over the assigned rows. */
  total: number;
}

/**
 * Finds a one-to-one assignment of `min(rows, cols)` rows to columns with
 * the least (or, with `maximize`, the largest) total cost
 * `Σ_i cost[i, rowToCol[i]]`, like `scipy.optimize.linear_sum_assignment`.
 *
 * `cost` is row-major `[rows, cols]` with finite entries. When
 * `rows > cols` the transposed problem is solved. Time O(m² · M) in the
 * worst case with `m = min(rows, cols)`, `M = max(rows, cols)`. At
 * 1000 × 1000 on a 2-core machine: ~4 ms for a clustering table, ~75 ms
 * for uniform random costs, ~1 s for the adversarial Machol–Wien matrix
 * `cost[i, j] = i·j` (see bench-results/metrics.md).
 * Among several optima one is returned.
 *
 * @param cost - costs, row-major `[rows, cols]`, finite.
 * @param rows - number of rows, an integer >= 0.
 * @param cols - number of columns, an integer >= 0.
 * @returns `rowToCol`, `colToRow` and the `total` of the chosen pairs.
 * @throws CceError naming `rows`, `cols`, `cost` or `options.maximize`
 *   when a size is not a non-negative integer, `cost` has the wrong length
 *   or a non-finite entry, or `maximize` is not a boolean.
 * @remarks Limitation (L-003): O(K³) worst case (the Machol–Wien matrix at
 *   K = 1000 takes about 1 s) and no `Infinity` entries for forbidden pairs.
 * @see Crouse, "On implementing 2D rectangular assignment algorithms",
 *   IEEE Trans. Aerospace and Electronic Systems 52(4), 2016.
 *
 * @example
 * ```ts
 * const { rowToCol, total } = linearAssignment([4, 1, 3, 2, 0, 5, 3, 2, 2], 3, 3);
 * // rowToCol = Int32Array [1, 0, 2], total = 5
 * ```
 */
export function linearAssignment(
  cost: Float64Array | Float32Array | readonly number[],
  rows: number,
  cols: number,
  options: LinearAssignmentOptions = {},
): LinearAssignment {
  const fn = 'linearAssignment';
  checkInteger(fn, 'rows', rows, 0, 2147483647);
  checkInteger(fn, 'cols', cols, 0, 2147483647);
  const maximize = options?.maximize ?? false;
  if (typeof maximize !== 'boolean') {
    throw new CceError({
      fn,
      argument: 'options.maximize',
      expected: 'a boolean',
      received: formatValue(maximize),
    });
  }
  const sign = maximize ? -1 : 1;
  const work = copyCost(fn, cost, rows, cols, sign);

  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const m = Math.min(rows, cols);
  if (rows <= cols) {
    const assigned = solveShortestAugmentingPath(work, rows, cols);
    for (let i = 0; i < m; i++) rowToCol[i] = assigned[i]!;
  } else {
    const assigned = solveShortestAugmentingPath(work, cols, rows);
    for (let j = 0; j < m; j++) rowToCol[assigned[j]!] = j;
  }

  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j >= 0) {
      colToRow[j] = i;
      total += cost[i * cols + j]!;
    }
  }
  return { rowToCol, colToRow, total };
}

/**
 * Validates `cost` and returns `sign · cost` as float64, transposed to
 * `[cols, rows]` when `rows > cols` so the solver always has rows <= cols.
 */
function copyCost(
  fn: string,
  cost: Float64Array | Float32Array | readonly number[],
  rows: number,
  cols: number,
  sign: number,
): Float64Array {
  const isArray =
    Array.isArray(cost) ||
    cost instanceof Float64Array ||
    cost instanceof Float32Array;
  if (!isArray || cost.length !== rows * cols) {
    throw new CceError({
      fn,
      argument: 'cost',
      expected: `a number array of length rows · cols = ${rows * cols}`,
      received: formatValue(cost),
    });
  }
  const work = new Float64Array(rows * cols);
  const transpose = rows > cols;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = cost[i * cols + j];
      // LIMITATION(L-003): no Infinity for forbidden pairs; use a large cost.
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new CceError({
          fn,
          argument: 'cost',
          expected: 'finite numbers',
          received: formatValue(x),
          hint: `At row ${i}, column ${j}`,
        });
      }
      work[transpose ? j * rows + i : i * cols + j] = sign * x;
    }
  }
  return work;
}
