import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  expectClose,
  finiteDifferences,
  flat,
  gradOf,
  logSoftmax64,
  makeRng,
  mean64,
  randomLogits,
  randomSimplex,
  read,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { klDivergence } from './kl-divergence.js';

// float64 reference: Σ_k y_k (ln y_k − ln σ_k) with 0 · ln 0 = 0.
function kl64(targets: Matrix, logits: Matrix): number[] {
  return targets.map((y, i) => {
    const logSigma = logSoftmax64(logits[i] as number[]);
    return y.reduce(
      (s, v, k) =>
        v > 0 ? s + v * (Math.log(v) - (logSigma[k] as number)) : s,
      0,
    );
  });
}

describe('klDivergence', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const value = klDivergence(
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
    expectClose(read(value, [2]), [0.069444, 1.098612], 1e-6);
  });

  it('is zero when the prediction equals the targets', () => {
    const logits = [
      [Math.log(0.5), Math.log(0.3), Math.log(0.2)],
      [0, 0, 0],
    ];
    const targets = [
      [0.5, 0.3, 0.2],
      [1 / 3, 1 / 3, 1 / 3],
    ];
    const value = klDivergence(t2(targets), t2(logits), { reduction: 'none' });
    expectClose(read(value, [2]), [0, 0], 1e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(21);

    it('matches the float64 reference when targets have exact zeros', () => {
      const logits = randomLogits(rng, 8, 5, 4);
      const targets = randomSimplex(rng, 8, 5, 0.4);
      const value = klDivergence(t2(targets), t2(logits), {
        reduction: 'none',
      });
      expectClose(read(value, [8]), kl64(targets, logits), 2e-6, 1e-6);
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const targets = randomSimplex(rng, 3, 4, 0.3);
      const grad = gradOf((l) => klDivergence(t2(targets), l), logits);
      const fd = finiteDifferences((l) => mean64(kl64(targets, l)), logits);
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
        klDivergence(t2(targets), t2(logits), { reduction: 'none' }),
        [2],
      );
      expectClose(value, kl64(targets, logits), 1e-3, 1e-6);
      const grad = gradOf((l) => klDivergence(t2(targets), l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
