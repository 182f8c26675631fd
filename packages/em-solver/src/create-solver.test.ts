import { describe, expect, it } from 'vitest';
import { countFloat64Arrays, expectCceError } from '../test/helpers.js';
import { flatten, randomProbs } from '../test/reference.js';
import {
  createSolver,
  type PseudoLabelMethod,
  type PseudoLabelObjective,
  solvePseudoLabels,
} from './index.js';

const PAIRS: [PseudoLabelObjective, PseudoLabelMethod][] = [
  ['collision', 'em'],
  ['collision', 'em-accelerated'],
  ['collision', 'pgd'],
  ['collision', 'pgd-fixed'],
  ['collision', 'spg'],
  ['reverse', 'em-accelerated'],
  ['forward', 'spg'],
  ['forward', 'pgd'],
  ['sela', 'sinkhorn'],
];

describe('createSolver', () => {
  it('matches the TSDoc example when N=1, K=2, λ=1', () => {
    const solver = createSolver({ numClasses: 2, maxRows: 1, lambda: 1 });
    const y = new Float64Array([0.5, 0.5]);
    const summary = solver.solveInPlace(new Float64Array([0.8, 0.2]), y, 1, {
      tol: 1e-12,
    });
    expect(y[0]).toBeCloseTo((7 + Math.sqrt(97)) / 24, 6);
    expect(summary.stopReason).toBe('tolerance');
    expect(solver.method).toBe('em-accelerated');
    expect(solver.objective).toBe('collision');
  });

  it.each(PAIRS)(
    'gives the result of solvePseudoLabels when solving %s by %s',
    (objective, method) => {
      const sigma = flatten(randomProbs(30, 4, 2, 21));
      const solver = createSolver({
        numClasses: 4,
        maxRows: 64,
        objective,
        method,
        lambda: 2,
        tol: 1e-10,
        maxIter: 500,
      });
      const y = sigma.slice();
      const summary = solver.solveInPlace(sigma, y, 30);
      const expected = solvePseudoLabels({
        probs: sigma,
        numClasses: 4,
        objective,
        method,
        lambda: 2,
        tol: 1e-10,
        maxIter: 500,
      });
      expect(Array.from(y)).toEqual(Array.from(expected.pseudoLabels));
      expect(summary.objectiveValue).toBe(expected.objectiveValue);
      expect(summary.iterations).toBe(expected.iterations);
      expect(summary.stopReason).toBe(expected.stopReason);
    },
  );

  it('solves Float32Array rows in place and reuses its summary object', () => {
    const sigma64 = flatten(randomProbs(40, 5, 2, 3));
    const sigma = Float32Array.from(sigma64);
    const solver = createSolver({ numClasses: 5, maxRows: 40, lambda: 1 });
    const y = sigma.slice();
    const first = solver.solveInPlace(sigma, y, 40, { tol: 1e-9 });
    const value = first.objectiveValue;
    const reference = solvePseudoLabels({
      probs: sigma64,
      numClasses: 5,
      lambda: 1,
      tol: 1e-9,
    });
    y.forEach((v, j) =>
      expect(Math.abs(v - reference.pseudoLabels[j]!)).toBeLessThan(1e-5),
    );
    const y2 = sigma.slice(0, 20 * 5);
    const second = solver.solveInPlace(sigma, y2, 20, { tol: 1e-9 });
    expect(second).toBe(first);
    expect(second.objectiveValue).not.toBe(value);
  });

  it('solves fewer rows than maxRows and leaves the rest untouched', () => {
    const sigma = flatten(randomProbs(10, 3, 2, 4));
    const solver = createSolver({ numClasses: 3, maxRows: 10, lambda: 1 });
    const y = sigma.slice();
    solver.solveInPlace(sigma, y, 4);
    const expected = solvePseudoLabels({
      probs: sigma.slice(0, 12),
      numClasses: 3,
      lambda: 1,
    });
    expect(Array.from(y.subarray(0, 12))).toEqual(
      Array.from(expected.pseudoLabels),
    );
    expect(Array.from(y.subarray(12))).toEqual(Array.from(sigma.subarray(12)));
  });

  it('applies per-call overrides like a solver made with them', () => {
    const sigma = flatten(randomProbs(20, 4, 2, 5));
    const base = createSolver({ numClasses: 4, maxRows: 20, lambda: 1 });
    const y = sigma.slice();
    base.solveInPlace(sigma, y, 20, { lambda: 4, tol: 1e-11 });
    const made = createSolver({
      numClasses: 4,
      maxRows: 20,
      lambda: 4,
      tol: 1e-11,
    });
    const y2 = sigma.slice();
    made.solveInPlace(sigma, y2, 20);
    expect(Array.from(y)).toEqual(Array.from(y2));
  });

  it.each(PAIRS)(
    'allocates no Float64Array per call when solving %s by %s',
    (objective, method) => {
      // Internals allocate their float64 buffers in createSolver only; a
      // counting stand-in for the global constructor sees any other one.
      const sigma = Float32Array.from(flatten(randomProbs(30, 4, 2, 6)));
      const solver = createSolver({
        numClasses: 4,
        maxRows: 30,
        objective,
        method,
        lambda: 1,
        maxIter: 50,
      });
      const y = sigma.slice();
      const made = countFloat64Arrays(() => {
        for (let call = 0; call < 3; call++) solver.solveInPlace(sigma, y, 30);
      });
      expect(made).toBe(0);
    },
  );

  it('throws on bad options and bad calls', () => {
    const ok = { numClasses: 2, maxRows: 2, lambda: 1 };
    expectCceError(() => createSolver(null as never), 'options');
    expectCceError(() => createSolver({ ...ok, numClasses: 1 }), 'numClasses');
    expectCceError(() => createSolver({ ...ok, maxRows: 0 }), 'maxRows');
    expectCceError(() => createSolver({ ...ok, lambda: -2 }), 'lambda');
    expectCceError(
      () => createSolver({ ...ok, objective: 'sela', method: 'em' }),
      'method',
    );
    const solver = createSolver(ok);
    const sigma = new Float64Array([0.8, 0.2, 0.4, 0.6]);
    const y = sigma.slice();
    expectCceError(() => solver.solveInPlace(sigma, y, 3), 'n');
    expectCceError(() => solver.solveInPlace(sigma, y, 0), 'n');
    expectCceError(
      () => solver.solveInPlace(sigma.subarray(0, 2), y, 2),
      'probs',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, y.subarray(0, 3), 2),
      'pseudoLabels',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, new Float64Array([1, 0, 0.5, 0.5]), 2),
      'pseudoLabels',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, y, 2, { lambda: -1 }),
      'lambda',
    );
    expectCceError(() => solver.solveInPlace(sigma, y, 2, { tol: -1 }), 'tol');
    expectCceError(
      () => solver.solveInPlace(sigma, y, 2, { maxIter: -1 }),
      'maxIter',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, y, 2, { timeBudgetMs: -1 }),
      'timeBudgetMs',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, y, 2, { epsilon: 0 }),
      'epsilon',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, y, 2, { stepSize: 0 }),
      'stepSize',
    );
    expectCceError(
      () => solver.solveInPlace(sigma, y, 2, { onIteration: 1 as never }),
      'onIteration',
    );
  });
});
