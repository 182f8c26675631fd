import { describe, expect, it } from 'vitest';
import { interimSolve } from './interim-em.js';

// Plain float64 objective of the collision y-problem (DESIGN.md).
function collisionObjective(
  probs: number[][],
  y: number[][],
  lambda: number,
): number {
  const n = probs.length;
  const k = probs[0]!.length;
  let total = 0;
  const mean = new Array(k).fill(0);
  probs.forEach((p, i) => {
    total -= Math.log(p.reduce((s, pk, c) => s + pk * y[i]![c]!, 0));
    y[i]!.forEach((v, c) => {
      mean[c] += v / n;
    });
  });
  const fairness = -Math.log(k) - mean.reduce((s, m) => s + Math.log(m), 0) / k;
  return total / n + lambda * fairness;
}

const probs = [
  [0.7, 0.2, 0.1],
  [0.6, 0.3, 0.1],
  [0.5, 0.4, 0.1],
  [0.2, 0.7, 0.1],
];

function solve(maxIterations: number, lambda = 1) {
  const result = interimSolve({
    objective: 'collision',
    probs: Float32Array.from(probs.flat()),
    init: Float32Array.from(probs.flat()),
    numExamples: 4,
    numClasses: 3,
    lambda,
    maxIterations,
    tolerance: 1e-12,
  });
  const y = [0, 1, 2, 3].map((i) =>
    Array.from(result.pseudoLabels.subarray(i * 3, i * 3 + 3)),
  );
  return { y, iterations: result.iterations };
}

describe('interimSolve (collision EM)', () => {
  it('never increases the objective from one iteration to the next', () => {
    let previous = collisionObjective(probs, probs, 1);
    for (let t = 1; t <= 20; t++) {
      const value = collisionObjective(probs, solve(t).y, 1);
      expect(value).toBeLessThanOrEqual(previous + 1e-6);
      previous = value;
    }
  });

  it('returns rows on the simplex that feed the rare class when λ > 0', () => {
    const { y } = solve(200, 2);
    for (const row of y)
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const third = y.reduce((s, row) => s + row[2]!, 0) / 4;
    expect(third).toBeGreaterThan(0.1);
  });

  it('converges to one-hot labels at the argmax of σ when λ = 0', () => {
    const { y } = solve(500, 0);
    expect(y.map((row) => row.indexOf(Math.max(...row)))).toEqual([0, 0, 0, 1]);
    for (const row of y) expect(Math.max(...row)).toBeGreaterThan(0.99);
  });
});
