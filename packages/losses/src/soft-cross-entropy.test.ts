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
import { softCrossEntropy } from './soft-cross-entropy.js';

// float64 reference: H(y, σ) = −Σ_k y_k ln σ_k, skipping y_k = 0.
function shannon64(targets: Matrix, logits: Matrix): number[] {
  return targets.map((y, i) => {
    const logSigma = logSoftmax64(logits[i] as number[]);
    return -y.reduce(
      (s, v, k) => (v > 0 ? s + v * (logSigma[k] as number) : s),
      0,
    );
  });
}

describe('softCrossEntropy', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const value = softCrossEntropy(
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
    expectClose(read(value, [2]), [0.569846, 1.098612], 1e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(3);

    it('matches the float64 reference when targets have exact zeros', () => {
      const logits = randomLogits(rng, 8, 5, 4);
      const targets = randomSimplex(rng, 8, 5, 0.4);
      const value = softCrossEntropy(t2(targets), t2(logits), {
        reduction: 'none',
      });
      expectClose(read(value, [8]), shannon64(targets, logits), 2e-6, 1e-6);
    });

    it('has the gradient (σ − y)/N of finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const targets = randomSimplex(rng, 3, 4, 0.3);
      const grad = gradOf((l) => softCrossEntropy(t2(targets), l), logits);
      const fd = finiteDifferences(
        (l) => mean64(shannon64(targets, l)),
        logits,
      );
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
        softCrossEntropy(t2(targets), t2(logits), { reduction: 'none' }),
        [2],
      );
      expectClose(value, shannon64(targets, logits), 1e-3, 1e-6);
      const grad = gradOf((l) => softCrossEntropy(t2(targets), l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
