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
  softmax64,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { symmetricCrossEntropy } from './symmetric-cross-entropy.js';

// float64 reference: α (−Σ y ln σ) + β (−Σ σ max(ln y, A)).
function sce64(
  targets: Matrix,
  logits: Matrix,
  alpha = 0.1,
  beta = 1,
  floor = -4,
): number[] {
  return targets.map((y, i) => {
    const logSigma = logSoftmax64(logits[i] as number[]);
    const sigma = softmax64(logits[i] as number[]);
    let forward = 0;
    let reverse = 0;
    y.forEach((v, k) => {
      if (v > 0) forward -= v * (logSigma[k] as number);
      reverse -= (sigma[k] as number) * Math.max(Math.log(v), floor);
    });
    return alpha * forward + beta * reverse;
  });
}

describe('symmetricCrossEntropy', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const value = symmetricCrossEntropy(
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
    expectClose(read(value, [2]), [0.597102, 2.776528], 1e-6);
  });

  it('weights the two terms by alpha and beta when they are given', () => {
    const rng = makeRng(31);
    const logits = randomLogits(rng, 5, 4, 3);
    const targets = randomSimplex(rng, 5, 4, 0.3);
    const value = symmetricCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
      alpha: 0.7,
      beta: 0.2,
      logFloor: -6,
    });
    expectClose(
      read(value, [5]),
      sce64(targets, logits, 0.7, 0.2, -6),
      2e-6,
      1e-6,
    );
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(32);

    it('matches the float64 reference when targets have exact zeros', () => {
      const logits = randomLogits(rng, 8, 5, 4);
      const targets = randomSimplex(rng, 8, 5, 0.4);
      const value = symmetricCrossEntropy(t2(targets), t2(logits), {
        reduction: 'none',
      });
      expectClose(read(value, [8]), sce64(targets, logits), 2e-6, 1e-6);
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const targets = randomSimplex(rng, 3, 4, 0.3);
      const grad = gradOf((l) => symmetricCrossEntropy(t2(targets), l), logits);
      const fd = finiteDifferences((l) => mean64(sce64(targets, l)), logits);
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
        symmetricCrossEntropy(t2(targets), t2(logits), { reduction: 'none' }),
        [2],
      );
      expectClose(value, sce64(targets, logits), 1e-3, 1e-6);
      const grad = gradOf((l) => symmetricCrossEntropy(t2(targets), l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
