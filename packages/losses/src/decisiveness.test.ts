import * as tf from '@tensorflow/tfjs-core';
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
  read,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { decisiveness } from './decisiveness.js';

// float64 reference: H(σ_i) = −Σ_k σ_ik ln σ_ik, 0 · ln 0 = 0.
function entropies64(logits: Matrix): number[] {
  return logits.map(
    (l) =>
      -logSoftmax64(l).reduce(
        (s, v) => (v > -Infinity ? s + Math.exp(v) * v : s),
        0,
      ),
  );
}

describe('decisiveness', () => {
  it('gives the documented values for a small batch', () => {
    const logits = t2([
      [2, 0, -1],
      [0, 0, 0],
      [-1, 3, 0],
    ]);
    expectClose(
      read(decisiveness(logits, { reduction: 'none' }), [3]),
      [0.524267, 1.098612, 0.274313],
      1e-6,
    );
    expectClose(read(decisiveness(logits), []), [0.632397], 1e-6);
  });

  it('reaches ln K for equal logits and 0 for a decisive row', () => {
    const value = decisiveness(
      t2([
        [1, 1, 1, 1],
        [1e4, 0, 0, 0],
      ]),
      { reduction: 'none' },
    );
    expectClose(read(value, [2]), [Math.log(4), 0], 1e-6);
  });

  it('weights the batch mean when weights are given', () => {
    const rng = makeRng(61);
    const logits = randomLogits(rng, 4, 3, 3);
    const w = [1, 0, 3, 0.5];
    const h = entropies64(logits);
    const expected = h.reduce((s, v, i) => s + v * (w[i] as number), 0) / 4.5;
    const value = decisiveness(t2(logits), { weights: tf.tensor1d(w) });
    expectClose(read(value, []), [expected], 1e-6);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(62);

    it('matches the float64 reference for random logits', () => {
      const logits = randomLogits(rng, 8, 6, 4);
      const value = decisiveness(t2(logits), { reduction: 'none' });
      expectClose(read(value, [8]), entropies64(logits), 2e-6, 1e-6);
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const grad = gradOf((l) => decisiveness(l), logits);
      const fd = finiteDifferences((l) => mean64(entropies64(l)), logits);
      expectClose(read(grad, [3, 4]), flat(fd), 1e-6);
    });

    it('stays finite and correct when logits reach ±1e4', () => {
      const logits = [
        [1e4, -1e4, 0],
        [-1e4, 1e4, 1e4],
      ];
      const value = read(decisiveness(t2(logits), { reduction: 'none' }), [2]);
      expectClose(value, [0, Math.log(2)], 1e-6);
      const grad = gradOf((l) => decisiveness(l), logits);
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
