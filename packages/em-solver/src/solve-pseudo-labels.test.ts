import { describe, expect, it } from 'vitest';
import { expectCceError, relativeGap } from '../test/helpers.js';
import {
  flatten,
  gradient,
  goldenSection,
  meanRow,
  objective,
  type Rows,
  randomProbs,
  runEm,
  sinkhorn,
  toRows,
} from '../test/reference.js';
import type { PseudoLabelMethod } from './index.js';
import { solvePseudoLabels } from './index.js';

const ITERATIVE: PseudoLabelMethod[] = ['em', 'em-accelerated', 'pgd', 'spg'];

/**
 * Checks the KKT conditions of min F over a product of simplices: in each
 * row the partial derivatives are equal (to `tol`) on the support
 * (y_ik > support) and no smaller off it. `g` is N·∂F/∂y (order 1).
 */
function expectKkt(y: Rows, g: Rows, support: number, tol: number): void {
  y.forEach((row, i) => {
    const gi = g[i]!;
    const on = gi.filter((_, k) => row[k]! > support);
    expect(on.length).toBeGreaterThan(0);
    const low = Math.min(...on);
    expect(Math.max(...on) - low).toBeLessThanOrEqual(tol);
    gi.forEach((v, k) => {
      if (row[k]! <= support) expect(v).toBeGreaterThanOrEqual(low - tol);
    });
  });
}

function scaled(g: Rows, n: number): Rows {
  return g.map((row) => row.map((v) => v * n));
}

describe('solvePseudoLabels on cases worked by hand', () => {
  /*
   * N = 1, K = 2, λ = 1, σ = (0.8, 0.2), y = (t, 1 − t); ȳ = y, so
   * F(t) = −ln(0.2 + 0.6t) − ln 2 − ½(ln t + ln(1 − t)).
   * F'(t) = −0.6/(0.2 + 0.6t) − ½(1/t − 1/(1 − t)) = 0
   * ⇔ −1.2 t(1 − t) = (1 − 2t)(0.2 + 0.6t)
   * ⇔ −1.2t + 1.2t² = 0.2 + 0.2t − 1.2t²
   * ⇔ 12t² − 7t − 1 = 0 ⇔ t = (7 + √97)/24 ≈ 0.702036 (the root in (0, 1)).
   */
  const collisionRoot = (7 + Math.sqrt(97)) / 24;

  it.each(['em', 'em-accelerated', 'pgd', 'pgd-fixed', 'spg'] as const)(
    'solves N=1, K=2, λ=1 collision exactly when method is %s',
    (method) => {
      const result = solvePseudoLabels({
        probs: new Float64Array([0.8, 0.2]),
        numClasses: 2,
        lambda: 1,
        method,
        tol: 1e-14,
        maxIter: 100_000,
      });
      expect(result.pseudoLabels).toHaveLength(2);
      expect(collisionRoot).toBeCloseTo(0.702036, 6);
      expect(Math.abs(result.pseudoLabels[0]! - collisionRoot)).toBeLessThan(
        1e-6,
      );
      expect(result.pseudoLabels[0]! + result.pseudoLabels[1]!).toBeCloseTo(
        1,
        12,
      );
    },
  );

  it('matches the TSDoc example when the defaults are used', () => {
    const { pseudoLabels, stopReason } = solvePseudoLabels({
      probs: new Float64Array([0.8, 0.2]),
      numClasses: 2,
      lambda: 1,
      tol: 1e-12,
    });
    // tol bounds the relative change of F, which is quadratic in the
    // distance to the optimum: y is good to about √tol
    expect(Math.abs(pseudoLabels[0]! - collisionRoot)).toBeLessThan(1e-6);
    expect(stopReason).toBe('tolerance');
  });

  it('solves N=1, K=2, λ=1 reverse exactly when method is em', () => {
    // F = −0.8 ln t − 0.2 ln(1−t) − ln 2 − ½ ln t − ½ ln(1−t);
    // F' = −1.3/t + 0.7/(1−t) = 0 ⇔ t = 1.3/2 = 0.65.
    const { pseudoLabels } = solvePseudoLabels({
      probs: new Float64Array([0.8, 0.2]),
      numClasses: 2,
      lambda: 1,
      objective: 'reverse',
      method: 'em',
      tol: 1e-14,
    });
    expect(Math.abs(pseudoLabels[0]! - 0.65)).toBeLessThan(1e-9);
  });

  it('solves N=1, K=2 forward exactly when λ is 1 and 2', () => {
    // F = −t ln .8 − (1−t) ln .2 + λ[t ln 2t + (1−t) ln 2(1−t)];
    // F' = 0 ⇔ t/(1−t) = 4^(1/λ): t = 0.8 (λ = 1), 2/3 (λ = 2).
    for (const [lambda, t] of [
      [1, 0.8],
      [2, 2 / 3],
    ] as const) {
      const { pseudoLabels } = solvePseudoLabels({
        probs: new Float64Array([0.8, 0.2]),
        numClasses: 2,
        lambda,
        objective: 'forward',
        tol: 1e-15,
      });
      expect(Math.abs(pseudoLabels[0]! - t)).toBeLessThan(1e-6);
    }
  });
});

describe('solvePseudoLabels against the reference EM', () => {
  it('reproduces the first EM iterates of DESIGN.md when method is em', () => {
    for (const kind of ['collision', 'reverse'] as const) {
      const sigma = randomProbs(7, 4, 2, 11);
      const probs = flatten(sigma);
      for (const steps of [1, 2, 5]) {
        const result = solvePseudoLabels({
          probs,
          numClasses: 4,
          lambda: 2,
          objective: kind,
          method: 'em',
          tol: 0,
          maxIter: steps,
        });
        const reference = runEm(kind, sigma, sigma, 2, steps);
        expect(result.iterations).toBe(steps);
        const y = toRows(result.pseudoLabels, 4);
        y.forEach((row, i) =>
          row.forEach((v, k) =>
            expect(Math.abs(v - reference.y[i]![k]!)).toBeLessThan(1e-13),
          ),
        );
        expect(
          relativeGap(result.objectiveValue, reference.values[steps]!),
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('never increases the objective when method is em or em-accelerated', () => {
    for (const kind of ['collision', 'reverse'] as const) {
      for (const [lambda, seed] of [
        [0.3, 1],
        [3, 2],
        [30, 3],
      ] as const) {
        const sigma = randomProbs(60, 6, 3, seed);
        for (const method of ['em', 'em-accelerated'] as const) {
          const seen: number[] = [];
          const result = solvePseudoLabels({
            probs: flatten(sigma),
            numClasses: 6,
            lambda,
            objective: kind,
            method,
            tol: 1e-12,
            maxIter: 400,
            onIteration: (_, value) => seen.push(value),
          });
          expect(seen).toEqual(result.history.map((h) => h.objectiveValue));
          expect(result.history[0]!.objectiveValue).toBeCloseTo(
            objective(kind, sigma, sigma, lambda),
            12,
          );
          for (let t = 1; t < seen.length; t++) {
            const slack = method === 'em' ? 1e-14 * Math.abs(seen[t - 1]!) : 0;
            expect(seen[t]!).toBeLessThanOrEqual(seen[t - 1]! + slack);
          }
        }
      }
    }
  });
});

describe('solvePseudoLabels optimality', () => {
  const cases = [
    { lambda: 0.3, seed: 5 },
    { lambda: 1, seed: 6 },
    { lambda: 5, seed: 7 },
  ];

  it.each(cases)(
    'reaches one collision optimum with every method when λ=$lambda',
    ({ lambda, seed }) => {
      const sigma = randomProbs(40, 5, 2, seed);
      const probs = flatten(sigma);
      const reference = runEm('collision', sigma, sigma, lambda, 3000);
      const best = reference.values.at(-1)!;
      for (const method of ITERATIVE) {
        const result = solvePseudoLabels({
          probs,
          numClasses: 5,
          lambda,
          method,
          tol: 1e-14,
          maxIter: 200_000,
        });
        const y = toRows(result.pseudoLabels, 5);
        const value = objective('collision', sigma, y, lambda);
        expect(relativeGap(value, result.objectiveValue)).toBeLessThan(1e-12);
        // the reference EM is an upper bound: no method may end above it,
        // and none can go far below the optimum it approaches
        expect(value).toBeLessThanOrEqual(best + 1e-6 * best);
        expect(relativeGap(value, best)).toBeLessThan(1e-6);
        const g = scaled(gradient('collision', sigma, y, lambda), 40);
        expectKkt(y, g, 1e-5, 1e-4);
      }
    },
  );

  it.each(cases)(
    'reaches one reverse optimum with every method when λ=$lambda',
    ({ lambda, seed }) => {
      const sigma = randomProbs(30, 4, 2, seed + 10);
      const reference = runEm('reverse', sigma, sigma, lambda, 3000);
      const best = reference.values.at(-1)!;
      for (const method of ITERATIVE) {
        const result = solvePseudoLabels({
          probs: flatten(sigma),
          numClasses: 4,
          lambda,
          objective: 'reverse',
          method,
          tol: 1e-14,
          maxIter: 200_000,
        });
        const y = toRows(result.pseudoLabels, 4);
        expect(
          relativeGap(objective('reverse', sigma, y, lambda), best),
        ).toBeLessThan(1e-6);
        // the reverse problem is a barrier −σ ln y: pgd and spg reach the
        // value long before the gradients level out, so KKT is checked
        // on the EM results only
        if (method === 'em' || method === 'em-accelerated') {
          const g = scaled(gradient('reverse', sigma, y, lambda), 30);
          expectKkt(y, g, 0, 1e-4);
        }
      }
    },
  );

  it.each(cases)(
    'satisfies the forward KKT conditions when λ=$lambda',
    ({ lambda, seed }) => {
      const sigma = randomProbs(30, 4, 2, seed + 20);
      const values: number[] = [];
      for (const method of ['pgd', 'spg'] as const) {
        const result = solvePseudoLabels({
          probs: flatten(sigma),
          numClasses: 4,
          lambda,
          objective: 'forward',
          method,
          tol: 1e-15,
          maxIter: 100_000,
        });
        const y = toRows(result.pseudoLabels, 4);
        values.push(objective('forward', sigma, y, lambda));
        const g = scaled(gradient('forward', sigma, y, lambda), 30);
        expectKkt(y, g, 1e-7, 1e-5);
      }
      expect(relativeGap(values[0]!, values[1]!)).toBeLessThan(1e-8);
    },
  );

  it('gets close to the optimum when method is pgd-fixed', () => {
    const sigma = randomProbs(20, 3, 1, 9);
    const best = runEm('collision', sigma, sigma, 1, 3000).values.at(-1)!;
    const result = solvePseudoLabels({
      probs: flatten(sigma),
      numClasses: 3,
      lambda: 1,
      method: 'pgd-fixed',
      tol: 1e-14,
      maxIter: 20_000,
    });
    expect(relativeGap(result.objectiveValue, best)).toBeLessThan(1e-6);
  });

  it('returns one-hot rows at argmax σ when λ is 0', () => {
    const sigma = randomProbs(25, 5, 2, 4);
    for (const kind of ['collision', 'forward'] as const) {
      for (const method of ['em', 'pgd', 'spg'] as const) {
        if (kind === 'forward' && method === 'em') continue;
        const result = solvePseudoLabels({
          probs: flatten(sigma),
          numClasses: 5,
          lambda: 0,
          objective: kind,
          method,
        });
        expect(result.stopReason).toBe('closed-form');
        toRows(result.pseudoLabels, 5).forEach((row, i) => {
          const s = sigma[i]!;
          const top = s.indexOf(Math.max(...s));
          expect(row).toEqual(s.map((_, k) => (k === top ? 1 : 0)));
        });
        expect(result.objectiveValue).toBeCloseTo(
          objective(kind, sigma, toRows(result.pseudoLabels, 5), 0),
          12,
        );
      }
    }
  });

  it('returns y = σ for the reverse objective when λ is 0', () => {
    const sigma = randomProbs(10, 3, 2, 8);
    const result = solvePseudoLabels({
      probs: flatten(sigma),
      numClasses: 3,
      lambda: 0,
      objective: 'reverse',
    });
    expect(Array.from(result.pseudoLabels)).toEqual(sigma.flat());
  });
});

describe('solvePseudoLabels with the sela objective (Sinkhorn)', () => {
  it('matches a brute-force minimum when N=2, K=2', () => {
    // Rows sum to 1 and columns to N/K = 1: y = [[t, 1−t], [1−t, t]].
    const sigma: Rows = [
      [0.7, 0.3],
      [0.6, 0.4],
    ];
    const epsilon = 0.5;
    const f = (t: number) =>
      objective(
        'sela',
        sigma,
        [
          [t, 1 - t],
          [1 - t, t],
        ],
        0,
        epsilon,
      );
    const t = goldenSection(f, 1e-12, 1 - 1e-12);
    const result = solvePseudoLabels({
      probs: flatten(sigma),
      numClasses: 2,
      objective: 'sela',
      epsilon,
      tol: 1e-13,
    });
    expect(result.pseudoLabels[0]).toBeCloseTo(t, 7);
    expect(result.pseudoLabels[3]).toBeCloseTo(t, 7);
    expect(result.objectiveValue).toBeCloseTo(f(t), 10);
  });

  it('has uniform class marginals and matches textbook Sinkhorn', () => {
    const sigma = randomProbs(12, 3, 1.5, 3);
    const result = solvePseudoLabels({
      probs: flatten(sigma),
      numClasses: 3,
      objective: 'sela',
      epsilon: 0.3,
      tol: 1e-12,
    });
    expect(result.stopReason).toBe('tolerance');
    const y = toRows(result.pseudoLabels, 3);
    for (const m of meanRow(y)) expect(Math.abs(m * 3 - 1)).toBeLessThan(1e-11);
    for (const row of y) {
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    }
    expect(result.marginalError).toBeLessThan(1e-11);
    const reference = sinkhorn(sigma, 0.3, 5000);
    y.forEach((row, i) =>
      row.forEach((v, k) =>
        expect(Math.abs(v - reference[i]![k]!)).toBeLessThan(1e-9),
      ),
    );
    expect(result.objectiveValue).toBeCloseTo(
      objective('sela', sigma, y, 0, 0.3),
      10,
    );
  });

  it('throws on epsilon when a class underflows in every row', () => {
    expectCceError(
      () =>
        solvePseudoLabels({
          probs: new Float64Array([1, 1e-200, 1, 1e-200]),
          numClasses: 2,
          objective: 'sela',
          epsilon: 1e-3,
        }),
      'epsilon',
    );
  });
});

describe('solvePseudoLabels stop rules and warm starts', () => {
  const sigma = randomProbs(50, 4, 2, 12);
  const probs = flatten(sigma);

  it('stops at maxIter when the tolerance is 0', () => {
    const result = solvePseudoLabels({
      probs,
      numClasses: 4,
      lambda: 5,
      method: 'em',
      tol: 0,
      maxIter: 3,
    });
    expect(result.stopReason).toBe('max-iterations');
    expect(result.iterations).toBe(3);
    expect(result.history.map((h) => h.iteration)).toEqual([0, 1, 2, 3]);
  });

  it('stops at the first relative change below tol', () => {
    const tol = 1e-4;
    const result = solvePseudoLabels({
      probs,
      numClasses: 4,
      lambda: 5,
      method: 'em',
      tol,
    });
    expect(result.stopReason).toBe('tolerance');
    const v = result.history.map((h) => h.objectiveValue);
    const change = (t: number) => Math.abs(v[t - 1]! - v[t]!) / Math.abs(v[t]!);
    expect(change(v.length - 1)).toBeLessThanOrEqual(tol);
    for (let t = 1; t < v.length - 1; t++) {
      expect(change(t)).toBeGreaterThan(tol);
    }
  });

  it('stops at the time budget when iterating would go on', () => {
    const big = flatten(randomProbs(400, 50, 3, 1));
    const result = solvePseudoLabels({
      probs: big,
      numClasses: 50,
      lambda: 10,
      method: 'em',
      tol: 0,
      maxIter: 1e9,
      timeBudgetMs: 30,
    });
    expect(result.stopReason).toBe('time-budget');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(30);
    expect(result.elapsedMs).toBeLessThan(1000);
  });

  it('starts from init and needs fewer iterations when warm', () => {
    const cold = solvePseudoLabels({ probs, numClasses: 4, lambda: 2 });
    const init = new Float64Array(probs.length).fill(0.25);
    const fromUniform = solvePseudoLabels({
      probs,
      numClasses: 4,
      lambda: 2,
      init,
      maxIter: 0,
    });
    expect(fromUniform.history[0]!.objectiveValue).toBeCloseTo(
      objective('collision', sigma, toRows(init, 4), 2),
      12,
    );
    expect(fromUniform.stopReason).toBe('max-iterations');
    const warm = solvePseudoLabels({
      probs,
      numClasses: 4,
      lambda: 2,
      init: cold.pseudoLabels,
    });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    expect(init[0]).toBe(0.25); // init is not modified
  });

  it('mixes a little uniform mass into the default start when σ has a 0', () => {
    const result = solvePseudoLabels({
      probs: new Float64Array([1, 0, 0.5, 0.5]),
      numClasses: 2,
      lambda: 1,
      method: 'em',
      tol: 1e-14,
      maxIter: 100_000,
    });
    // row 0 starts at (1, 0); the prior pulls mass into class 1, which
    // EM could not do from an exact 0
    expect(result.pseudoLabels[1]).toBeGreaterThan(0);
    expect(Number.isFinite(result.objectiveValue)).toBe(true);
  });

  it('accepts Float32Array input and returns a Float32Array', () => {
    const result32 = solvePseudoLabels({
      probs: Float32Array.from(probs),
      numClasses: 4,
      lambda: 2,
      tol: 1e-10,
    });
    const result64 = solvePseudoLabels({
      probs,
      numClasses: 4,
      lambda: 2,
      tol: 1e-10,
    });
    expect(result32.pseudoLabels).toBeInstanceOf(Float32Array);
    expect(result32.pseudoLabels).toHaveLength(probs.length);
    result32.pseudoLabels.forEach((v, j) =>
      expect(Math.abs(v - result64.pseudoLabels[j]!)).toBeLessThan(1e-5),
    );
  });

  it('reports diverged and keeps the last finite point for a huge fixed step', () => {
    const result = solvePseudoLabels({
      probs: new Float64Array([0.9, 0.1, 0.8, 0.2]),
      numClasses: 2,
      lambda: 1,
      method: 'pgd-fixed',
      stepSize: 1e6,
      tol: 0,
    });
    expect(result.stopReason).toBe('diverged');
    expect(Number.isFinite(result.objectiveValue)).toBe(true);
  });
});

describe('solvePseudoLabels guards', () => {
  const ok = {
    probs: new Float64Array([0.8, 0.2, 0.5, 0.5]),
    numClasses: 2,
    lambda: 1,
  };
  const call = (patch: Record<string, unknown>) => () =>
    solvePseudoLabels({ ...ok, ...patch } as never);

  it.each([
    ['probs', { probs: [0.8, 0.2] }],
    ['probs', { probs: new Float64Array([0.8, 0.2, 0.5]) }],
    ['probs', { probs: new Float64Array(0) }],
    ['probs', { probs: new Float64Array([1.2, -0.2, 0.5, 0.5]) }],
    ['probs', { probs: new Float64Array([Number.NaN, 1, 0.5, 0.5]) }],
    ['probs', { probs: new Float64Array([Infinity, 0, 0.5, 0.5]) }],
    ['probs', { probs: new Float64Array([0.8, 0.3, 0.5, 0.5]) }],
    ['numClasses', { numClasses: 1, probs: new Float64Array([1, 1]) }],
    ['numClasses', { numClasses: 2.5 }],
    ['lambda', { lambda: -1 }],
    ['lambda', { lambda: Number.NaN }],
    ['lambda', { lambda: undefined }],
    ['init', { init: new Float64Array([1, 0, 0.5, 0.5]), method: 'em' }],
    ['init', { init: new Float64Array([1, 0, 0.5, 0.5]) }],
    ['init', { init: new Float64Array([0.5, 0.5]) }],
    ['init', { init: new Float64Array([0.9, 0.5, 0.5, 0.5]) }],
    ['init', { init: [0.5, 0.5, 0.5, 0.5] }],
    ['objective', { objective: 'shannon' }],
    ['method', { method: 'newton' }],
    ['method', { objective: 'forward', method: 'em' }],
    ['method', { objective: 'collision', method: 'sinkhorn' }],
    ['tol', { tol: -1 }],
    ['maxIter', { maxIter: 1.5 }],
    ['timeBudgetMs', { timeBudgetMs: 0 }],
    ['epsilon', { objective: 'sela', epsilon: 0 }],
    ['stepSize', { method: 'pgd-fixed', stepSize: -1 }],
    ['onIteration', { onIteration: 'log' }],
    ['rowSumTolerance', { rowSumTolerance: -1 }],
  ])("throws a CceError naming '%s' for %o", (argument, patch) => {
    expectCceError(call(patch), argument);
  });

  it('throws on options when they are not an object', () => {
    expectCceError(() => solvePseudoLabels(null as never), 'options');
  });

  it('accepts an init with zeros when the method is pgd', () => {
    const result = call({
      init: new Float64Array([1, 0, 0.5, 0.5]),
      method: 'pgd',
    })();
    expect(Number.isFinite(result.objectiveValue)).toBe(true);
  });

  it('skips the value checks when validate is false', () => {
    const result = call({
      probs: new Float64Array([0.8, 0.3, 0.5, 0.5]),
      validate: false,
      maxIter: 2,
    })();
    expect(result.iterations).toBeLessThanOrEqual(2);
  });
});
