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
  oneHot,
  randomLogits,
  randomSimplex,
  read,
  softmax64,
  t2,
  useBackend,
  type Matrix,
} from '../test/helpers.js';
import { generalizedCrossEntropy } from './generalized-cross-entropy.js';
import { meanAbsoluteError } from './mean-absolute-error.js';

// float64 reference: Σ_k y_k (1 − σ_k^q) / q, using expm1 for small q.
function gce64(targets: Matrix, logits: Matrix, q = 0.7): number[] {
  return targets.map((y, i) => {
    const logSigma = logSoftmax64(logits[i] as number[]);
    return y.reduce(
      (s, v, k) => s - (v * Math.expm1(q * (logSigma[k] as number))) / q,
      0,
    );
  });
}

function shannon64(targets: Matrix, logits: Matrix): number[] {
  return targets.map((y, i) => {
    const logSigma = logSoftmax64(logits[i] as number[]);
    return -y.reduce((s, v, k) => s + v * (logSigma[k] as number), 0);
  });
}

describe('generalizedCrossEntropy', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const value = generalizedCrossEntropy(
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
    expectClose(read(value, [2]), [0.351266, 0.766481], 1e-6);
  });

  it('tends to Shannon CE when q goes to 0', () => {
    const rng = makeRng(41);
    const logits = randomLogits(rng, 6, 5, 3);
    const targets = randomSimplex(rng, 6, 5, 0.3);
    const shannon = shannon64(targets, logits);
    // The gap is about q · Σ y (ln σ)² / 2, so it shrinks tenfold per step.
    const gaps = [1e-2, 1e-3, 1e-4, 1e-6].map((q) => {
      const value = read(
        generalizedCrossEntropy(t2(targets), t2(logits), {
          reduction: 'none',
          q,
        }),
        [6],
      );
      return Math.max(
        ...value.map((v, i) => Math.abs(v - (shannon[i] as number))),
      );
    });
    expect(gaps[1]).toBeLessThan((gaps[0] as number) / 5);
    expect(gaps[2]).toBeLessThan((gaps[1] as number) / 5);
    expect(gaps[3]).toBeLessThan(2e-5);
  });

  it('gives 1 − y·σ at q = 1, half the MAE for one-hot targets', () => {
    const rng = makeRng(42);
    const logits = randomLogits(rng, 5, 4, 3);
    const labels = [0, 3, 1, 2, 3];
    const targets = oneHot(labels, 4);
    const value = read(
      generalizedCrossEntropy(t2(targets), t2(logits), {
        reduction: 'none',
        q: 1,
      }),
      [5],
    );
    const expected = labels.map(
      (t, i) => 1 - (softmax64(logits[i] as number[])[t] as number),
    );
    expectClose(value, expected, 1e-6);
    const mae = read(
      meanAbsoluteError(t2(targets), t2(logits), { reduction: 'none' }),
      [5],
    );
    expectClose(
      value,
      mae.map((v) => v / 2),
      1e-6,
    );
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useBackend(backend);
    const rng = makeRng(43);

    it('matches the float64 reference for several q', () => {
      const logits = randomLogits(rng, 8, 5, 4);
      const targets = randomSimplex(rng, 8, 5, 0.4);
      for (const q of [0.1, 0.5, 0.7, 1]) {
        const value = generalizedCrossEntropy(t2(targets), t2(logits), {
          reduction: 'none',
          q,
        });
        expectClose(read(value, [8]), gce64(targets, logits, q), 2e-6, 1e-6);
      }
    });

    it('has the gradient of float64 finite differences', () => {
      const logits = randomLogits(rng, 3, 4, 2);
      const targets = randomSimplex(rng, 3, 4, 0.3);
      const grad = gradOf(
        (l) => generalizedCrossEntropy(t2(targets), l, { q: 0.4 }),
        logits,
      );
      const fd = finiteDifferences(
        (l) => mean64(gce64(targets, l, 0.4)),
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
        generalizedCrossEntropy(t2(targets), t2(logits), { reduction: 'none' }),
        [2],
      );
      expectClose(value, gce64(targets, logits), 1e-6);
      const grad = gradOf(
        (l) => generalizedCrossEntropy(t2(targets), l),
        logits,
      );
      expect(read(grad, [2, 3]).every(Number.isFinite)).toBe(true);
    });
  });
});
