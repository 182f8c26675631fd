import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  expectClose,
  finiteDifferences,
  flat,
  gradOf,
  makeRng,
  randomLogits,
  read,
  softmax64,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { decisiveness } from './decisiveness.js';
import { fairness } from './fairness.js';
import { mutualInformationLoss } from './mutual-information-loss.js';

function entropy64(p: readonly number[]): number {
  return -p.reduce((s, v) => (v > 0 ? s + v * Math.log(v) : s), 0);
}

// float64 reference: a · Σ w_i H(σ_i) / Σ w − b · H(Σ w_i σ_i / Σ w).
function mi64(logits: Matrix, a = 1, b = 1, weights?: number[]): number {
  const w = weights ?? logits.map(() => 1);
  const total = w.reduce((x, y) => x + y, 0);
  const probs = logits.map((l) => softmax64(l));
  const conditional =
    probs.reduce((s, p, i) => s + entropy64(p) * (w[i] as number), 0) / total;
  const mean = (probs[0] as number[]).map(
    (_, k) =>
      probs.reduce((s, p, i) => s + (p[k] as number) * (w[i] as number), 0) /
      total,
  );
  return a * conditional - b * entropy64(mean);
}

describe('mutualInformationLoss', () => {
  const example = () =>
    t2([
      [2, 0, -1],
      [0, 0, 0],
      [-1, 3, 0],
    ]);

  it('gives the documented values for a small batch', () => {
    expectClose(read(mutualInformationLoss(example()), []), [-0.367079], 1e-6);
    const weighted = mutualInformationLoss(example(), { marginalWeight: 2 });
    expectClose(read(weighted, []), [-1.366556], 1e-6);
  });

  it('equals decisiveness + fairness − ln K when both weights are 1', () => {
    const rng = makeRng(81);
    const logits = t2(randomLogits(rng, 6, 4, 3));
    const sum =
      read(decisiveness(logits), [])[0]! +
      read(fairness(logits), [])[0]! -
      Math.log(4);
    expectClose(read(mutualInformationLoss(logits), []), [sum], 1e-6);
  });

  it('uses both term weights and example weights when given', () => {
    const rng = makeRng(82);
    const logits = randomLogits(rng, 5, 4, 3);
    const w = [1, 2, 0, 0.5, 1];
    const value = mutualInformationLoss(t2(logits), {
      conditionalWeight: 0.3,
      marginalWeight: 4,
      weights: tf.tensor1d(w),
    });
    expectClose(read(value, []), [mi64(logits, 0.3, 4, w)], 2e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(83);

    it('matches the float64 reference for random logits', () => {
      const logits = randomLogits(rng, 8, 6, 4);
      expectClose(
        read(mutualInformationLoss(t2(logits)), []),
        [mi64(logits)],
        2e-6,
      );
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const options = { conditionalWeight: 1, marginalWeight: 2 };
      const grad = gradOf((l) => mutualInformationLoss(l, options), logits);
      const fd = finiteDifferences((l) => mi64(l, 1, 2), logits);
      expectClose(read(grad, [3, 4]), flat(fd), 1e-6);
    });

    it('stays finite and correct when logits reach ±1e4', () => {
      const logits = [
        [1e4, -1e4, 0],
        [-1e4, 1e4, 1e4],
      ];
      expectClose(
        read(mutualInformationLoss(t2(logits)), []),
        [mi64(logits)],
        1e-6,
      );
      const grad = gradOf((l) => mutualInformationLoss(l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
