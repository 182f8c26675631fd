import { munkres } from 'munkres';
import { describe, expect, it } from 'vitest';
import { expectCceError } from '../test/expect-cce-error.js';
import { bruteForceAssignment, seededRandom } from '../test/reference.js';
import { linearAssignment } from './linear-assignment.js';

function randomCost(
  random: () => number,
  rows: number,
  cols: number,
  kind: 'float' | 'ties',
): number[] {
  return Array.from({ length: rows * cols }, () =>
    kind === 'float' ? random() * 20 - 10 : Math.floor(random() * 3),
  );
}

function expectValidAssignment(
  result: ReturnType<typeof linearAssignment>,
  cost: number[],
  rows: number,
  cols: number,
): void {
  expect(result.rowToCol.length).toBe(rows);
  expect(result.colToRow.length).toBe(cols);
  let assigned = 0;
  let total = 0;
  result.rowToCol.forEach((j, i) => {
    if (j < 0) return;
    assigned++;
    expect(result.colToRow[j]).toBe(i);
    total += cost[i * cols + j]!;
  });
  expect(assigned).toBe(Math.min(rows, cols));
  expect(new Set(result.rowToCol).size).toBe(
    rows > cols ? cols + 1 : rows, // -1 appears once as a value when rows > cols
  );
  expect(Math.abs(result.total - total)).toBeLessThan(1e-9);
}

describe('linearAssignment', () => {
  it('solves the documented example when the matrix is square', () => {
    const cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
    const { rowToCol, colToRow, total } = linearAssignment(cost, 3, 3);
    expect(Array.from(rowToCol)).toEqual([1, 0, 2]);
    expect(Array.from(colToRow)).toEqual([1, 0, 2]);
    expect(total).toBe(5);
  });

  it('matches brute force when matrices are small, random and rectangular', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 150; trial++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 6);
      const kind = trial % 2 === 0 ? 'float' : 'ties';
      const cost = randomCost(random, rows, cols, kind);
      for (const maximize of [false, true]) {
        const result = linearAssignment(cost, rows, cols, { maximize });
        expectValidAssignment(result, cost, rows, cols);
        const best = bruteForceAssignment(cost, rows, cols, maximize);
        expect(Math.abs(result.total - best)).toBeLessThan(1e-9);
      }
    }
  });

  it('agrees with the munkres package when matrices are larger', () => {
    const random = seededRandom(12);
    for (const [rows, cols] of [
      [30, 30],
      [25, 60],
      [60, 25],
      [80, 80],
    ] as const) {
      for (const kind of ['float', 'ties'] as const) {
        const cost = randomCost(random, rows, cols, kind);
        const matrix = Array.from({ length: rows }, (_, i) =>
          cost.slice(i * cols, (i + 1) * cols),
        );
        const reference = munkres(matrix).reduce(
          (sum, [y, x]) => sum + matrix[y]![x]!,
          0,
        );
        const result = linearAssignment(cost, rows, cols);
        expectValidAssignment(result, cost, rows, cols);
        expect(Math.abs(result.total - reference)).toBeLessThan(1e-9);
      }
    }
  });

  it('finds the anti-diagonal when the matrix is Machol–Wien i·j', () => {
    const k = 40;
    const cost = Array.from(
      { length: k * k },
      (_, c) => Math.floor(c / k) * (c % k),
    );
    const { rowToCol, total } = linearAssignment(cost, k, k);
    // Pairing i with k−1−i minimises Σ i·j (rearrangement inequality).
    expect(Array.from(rowToCol)).toEqual(
      Array.from({ length: k }, (_, i) => k - 1 - i),
    );
    let expected = 0;
    for (let i = 0; i < k; i++) expected += i * (k - 1 - i);
    expect(total).toBe(expected);
  });

  it('returns empty assignments when a side has size 0', () => {
    const result = linearAssignment([], 0, 4);
    expect(result.rowToCol.length).toBe(0);
    expect(Array.from(result.colToRow)).toEqual([-1, -1, -1, -1]);
    expect(result.total).toBe(0);
  });

  it('accepts Float32Array and Float64Array costs when typed', () => {
    const cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
    expect(linearAssignment(Float32Array.from(cost), 3, 3).total).toBe(5);
    expect(
      linearAssignment(Float64Array.from(cost), 3, 3, { maximize: true }).total,
    ).toBe(11);
  });

  it.each([
    ['rows', () => linearAssignment([1, 2], 1.5, 2)],
    ['cols', () => linearAssignment([1, 2], 1, -2)],
    ['cost', () => linearAssignment([1, 2, 3], 2, 2)],
    ['cost', () => linearAssignment([1, Number.NaN], 1, 2)],
    ['cost', () => linearAssignment([1, Number.POSITIVE_INFINITY], 2, 1)],
    ['cost', () => linearAssignment('ab' as unknown as number[], 1, 2)],
    [
      'options.maximize',
      () => linearAssignment([1], 1, 1, { maximize: 1 as unknown as boolean }),
    ],
  ])('throws naming %s when it is invalid', (argument, call) => {
    expectCceError(call, argument);
  });
});
