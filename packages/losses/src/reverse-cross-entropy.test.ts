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
import { REVERSE_CE_LOG_FLOOR } from './constants.js';
import { reverseCrossEntropy } from './reverse-cross-entropy.js';

// float64 reference: −Σ_k σ_k max(ln y_k, A), with ln 0 = −∞.
function reverse64(targets: Matrix, logits: Matrix, floor = -4): number[] {
  return targets.map((y, i) => {
    const sigma = softmax64(logits[i] as number[]);
    return -y.reduce(
      (s, v, k) => s + (sigma[k] as number) * Math.max(Math.log(v), floor),
      0,
    );
  });
}

describe('reverseCrossEntropy', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const value = reverseCrossEntropy(
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
    expectClose(read(value, [2]), [0.540118, 2.666667], 1e-6);
  });

  it('uses the floor −4 so that one-hot targets give 4(1 − σ_t)', () => {
    expect(REVERSE_CE_LOG_FLOOR).toBe(-4);
    const rng = makeRng(5);
    const logits = randomLogits(rng, 4, 3, 3);
    const labels = [2, 0, 1, 1];
    const value = reverseCrossEntropy(t2(oneHot(labels, 3)), t2(logits), {
      reduction: 'none',
    });
    const expected = labels.map(
      (t, i) => 4 * (1 - (softmax64(logits[i] as number[])[t] as number)),
    );
    expectClose(read(value, [4]), expected, 2e-6);
  });

  it('applies a custom floor when logFloor is given', () => {
    const rng = makeRng(6);
    const logits = randomLogits(rng, 4, 5, 3);
    const targets = randomSimplex(rng, 4, 5, 0.4);
    const value = reverseCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
      logFloor: -9,
    });
    expectClose(read(value, [4]), reverse64(targets, logits, -9), 1e-5, 1e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(8);

    it('matches the float64 reference when targets have exact zeros', () => {
      const logits = randomLogits(rng, 8, 5, 4);
      const targets = randomSimplex(rng, 8, 5, 0.4);
      const value = reverseCrossEntropy(t2(targets), t2(logits), {
        reduction: 'none',
      });
      expectClose(read(value, [8]), reverse64(targets, logits), 2e-6, 1e-6);
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const targets = randomSimplex(rng, 3, 4, 0.3);
      const grad = gradOf((l) => reverseCrossEntropy(t2(targets), l), logits);
      const fd = finiteDifferences(
        (l) => mean64(reverse64(targets, l)),
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
        [0, 0.75, 0.25],
        [1, 0, 0],
      ];
      const value = read(
        reverseCrossEntropy(t2(targets), t2(logits), { reduction: 'none' }),
        [2],
      );
      expectClose(value, reverse64(targets, logits), 1e-6);
      const grad = gradOf((l) => reverseCrossEntropy(t2(targets), l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
