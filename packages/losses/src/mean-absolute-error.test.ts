import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  expectClose,
  finiteDifferences,
  flat,
  gradOf,
  makeRng,
  mean64,
  oneHot,
  randomLogits,
  randomSimplex,
  read,
  softmax64,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { meanAbsoluteError } from './mean-absolute-error.js';

// float64 reference: Σ_k |y_k − σ_k|.
function mae64(targets: Matrix, logits: Matrix): number[] {
  return targets.map((y, i) => {
    const sigma = softmax64(logits[i] as number[]);
    return y.reduce((s, v, k) => s + Math.abs(v - (sigma[k] as number)), 0);
  });
}

describe('meanAbsoluteError', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const value = meanAbsoluteError(
      t2([
        [0.8, 0.2, 0],
        [0, 0, 1],
      ]),
      t2([
        [2, 0, -1],
        [0, 0, 0],
      ]),
      { reduction: 'none' },
    );
    expectClose(read(value, [2]), [0.17161, 1.333333], 1e-6);
  });

  it('gives 2(1 − σ_t) when targets are one-hot', () => {
    const rng = makeRng(51);
    const logits = randomLogits(rng, 5, 4, 3);
    const labels = [1, 0, 3, 2, 2];
    const value = meanAbsoluteError(t2(oneHot(labels, 4)), t2(logits), {
      reduction: 'none',
    });
    const expected = labels.map(
      (t, i) => 2 * (1 - (softmax64(logits[i] as number[])[t] as number)),
    );
    expectClose(read(value, [5]), expected, 2e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(52);

    it('matches the float64 reference when targets have exact zeros', () => {
      const logits = randomLogits(rng, 8, 5, 4);
      const targets = randomSimplex(rng, 8, 5, 0.4);
      const value = meanAbsoluteError(t2(targets), t2(logits), {
        reduction: 'none',
      });
      expectClose(read(value, [8]), mae64(targets, logits), 2e-6);
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const targets = randomSimplex(rng, 3, 4, 0.3);
      const grad = gradOf((l) => meanAbsoluteError(t2(targets), l), logits);
      const fd = finiteDifferences((l) => mean64(mae64(targets, l)), logits);
      expectClose(read(grad, [3, 4]), flat(fd), 1e-6);
    });

    it('stays finite and correct when logits reach ±1e4', () => {
      const logits = [
        [1e4, -1e4, 0],
        [-1e4, 1e4, 1e4],
      ];
      const targets = [
        [0.25, 0.75, 0],
        [1, 0, 0],
      ];
      const value = read(
        meanAbsoluteError(t2(targets), t2(logits), { reduction: 'none' }),
        [2],
      );
      expectClose(value, mae64(targets, logits), 1e-6);
      const grad = gradOf((l) => meanAbsoluteError(t2(targets), l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
