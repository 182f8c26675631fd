import { describe, expect, it } from 'vitest';
import { expectCceError, relativeGap } from '../test/helpers.js';
import { flatten, objective, randomProbs } from '../test/reference.js';
import { pseudoLabelObjective } from './index.js';

describe('pseudoLabelObjective', () => {
  it('matches the TSDoc example when y is uniform', () => {
    const value = pseudoLabelObjective({
      probs: new Float64Array([0.8, 0.2]),
      pseudoLabels: new Float64Array([0.5, 0.5]),
      numClasses: 2,
      lambda: 1,
    });
    expect(value).toBeCloseTo(Math.LN2, 14);
  });

  it.each(['collision', 'reverse', 'forward', 'sela'] as const)(
    'matches the float64 reference when the objective is %s',
    (kind) => {
      const sigma = randomProbs(17, 6, 2, 1);
      const y = randomProbs(17, 6, 1, 2);
      for (const lambda of [0, 0.5, 3]) {
        const value = pseudoLabelObjective({
          probs: flatten(sigma),
          pseudoLabels: flatten(y),
          numClasses: 6,
          lambda,
          objective: kind,
          epsilon: 0.2,
        });
        const expected = objective(kind, sigma, y, lambda, 0.2);
        expect(relativeGap(value, expected)).toBeLessThan(1e-13);
      }
    },
  );

  it('gives −ln σ_t for one-hot y and ln K for uniform y', () => {
    const sigma = randomProbs(5, 4, 2, 3);
    const oneHot = sigma.map((_, i) => [0, 1, 2, 3].map((k) => +(k === i % 4)));
    const value = pseudoLabelObjective({
      probs: flatten(sigma),
      pseudoLabels: flatten(oneHot),
      numClasses: 4,
      lambda: 0,
    });
    const shannon = sigma.reduce((s, row, i) => s - Math.log(row[i % 4]!), 0);
    expect(value).toBeCloseTo(shannon / 5, 13);
    // uniform y: every H₂ is ln K and ȳ = u, so the prior is 0 for any λ
    const uniform = pseudoLabelObjective({
      probs: flatten(sigma),
      pseudoLabels: new Float64Array(20).fill(0.25),
      numClasses: 4,
      lambda: 7,
    });
    expect(uniform).toBeCloseTo(Math.log(4), 13);
  });

  it('is +∞ when a class is empty and λ > 0, finite when λ = 0', () => {
    const base = {
      probs: new Float64Array([0.8, 0.2, 0.6, 0.4]),
      pseudoLabels: new Float64Array([1, 0, 1, 0]),
      numClasses: 2,
    };
    expect(pseudoLabelObjective({ ...base, lambda: 1 })).toBe(Infinity);
    expect(pseudoLabelObjective({ ...base, lambda: 0 })).toBeCloseTo(
      -(Math.log(0.8) + Math.log(0.6)) / 2,
      14,
    );
  });

  it('throws a CceError naming the argument for bad input', () => {
    const ok = {
      probs: new Float64Array([0.8, 0.2]),
      pseudoLabels: new Float64Array([0.5, 0.5]),
      numClasses: 2,
      lambda: 1,
    };
    const bad = (patch: Record<string, unknown>) => () =>
      pseudoLabelObjective({ ...ok, ...patch } as never);
    expectCceError(() => pseudoLabelObjective(null as never), 'options');
    expectCceError(bad({ probs: [0.8, 0.2] }), 'probs');
    expectCceError(bad({ pseudoLabels: 3 }), 'pseudoLabels');
    expectCceError(bad({ probs: new Float64Array(3) }), 'probs');
    expectCceError(bad({ pseudoLabels: new Float64Array(4) }), 'pseudoLabels');
    expectCceError(bad({ probs: new Float64Array([1.5, -0.5]) }), 'probs');
    expectCceError(bad({ probs: new Float64Array([0.5, 0.6]) }), 'probs');
    expectCceError(
      bad({ pseudoLabels: new Float64Array([Number.NaN, 1]) }),
      'pseudoLabels',
    );
    expectCceError(bad({ numClasses: 1 }), 'numClasses');
    expectCceError(bad({ lambda: -0.1 }), 'lambda');
    expectCceError(bad({ objective: 'sela', epsilon: -1 }), 'epsilon');
    expectCceError(bad({ objective: 'kl' }), 'objective');
    expectCceError(bad({ rowSumTolerance: Number.NaN }), 'rowSumTolerance');
  });
});
