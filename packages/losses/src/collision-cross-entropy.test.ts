import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  expectClose,
  finiteDifferences,
  flat,
  gradOf,
  logSoftmax64,
  logSumExp64,
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
import { collisionCrossEntropy } from './collision-cross-entropy.js';
import { softCrossEntropy } from './soft-cross-entropy.js';

// float64 reference: H₂(y, σ) = −ln Σ_{k: y_k > 0} exp(ln y_k + ln σ_k).
function collision64(targets: Matrix, logits: Matrix): number[] {
  return targets.map((y, i) => {
    const logSigma = logSoftmax64(logits[i] as number[]);
    const terms = y.flatMap((v, k) =>
      v > 0 ? [Math.log(v) + (logSigma[k] as number)] : [],
    );
    return -logSumExp64(terms);
  });
}

// float64 closed-form gradient of the mean loss: (σ − y⊙σ/(y·σ)) / N, with
// the posterior y⊙σ/(y·σ) evaluated in log space.
function collisionGrad64(targets: Matrix, logits: Matrix): Matrix {
  const n = targets.length;
  return targets.map((y, i) => {
    const l = logits[i] as number[];
    const sigma = softmax64(l);
    const masked = l.map((v, k) =>
      (y[k] as number) > 0 ? v + Math.log(y[k] as number) : -Infinity,
    );
    const lse = logSumExp64(masked);
    return sigma.map((s, k) => (s - Math.exp((masked[k] as number) - lse)) / n);
  });
}

describe('collisionCrossEntropy example', () => {
  it('gives the documented values when targets are soft and one-hot', () => {
    const targets = t2([
      [0.8, 0.2, 0],
      [0, 0, 1],
    ]);
    const logits = t2([
      [2, 0, -1],
      [0, 0, 0],
    ]);
    const none = collisionCrossEntropy(targets, logits, { reduction: 'none' });
    // Worked in float64 by hand: −ln(0.8σ₀ + 0.2σ₁) and −ln(1/3).
    expectClose(read(none, [2]), [0.359716, 1.098612], 1e-6);
    expectClose(
      read(collisionCrossEntropy(targets, logits), []),
      [0.729164],
      1e-6,
    );
  });
});

describe.each(BACKENDS)('collisionCrossEntropy properties on %s', (backend) => {
  useBackend(backend);
  const rng = makeRng(7);

  it('equals Shannon CE −ln σ_t when targets are one-hot', () => {
    const logits = randomLogits(rng, 6, 5, 4);
    const labels = [0, 4, 2, 2, 1, 3];
    const targets = oneHot(labels, 5);
    const ours = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
    });
    const shannon = softCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
    });
    const expected = labels.map(
      (t, i) => -(logSoftmax64(logits[i] as number[])[t] as number),
    );
    expectClose(read(ours, [6]), expected, 1e-5, 1e-6);
    expectClose(read(ours, [6]), read(shannon, [6]), 1e-5, 1e-6);
  });

  it('gives ln K and a zero gradient when targets are uniform', () => {
    const k = 7;
    const logits = randomLogits(rng, 5, k, 6);
    const targets = logits.map(() => Array<number>(k).fill(1 / k));
    const value = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
    });
    expectClose(read(value, [5]), Array<number>(5).fill(Math.log(k)), 2e-6);
    const grad = gradOf((l) => collisionCrossEntropy(t2(targets), l), logits);
    expectClose(read(grad, [5, k]), Array<number>(5 * k).fill(0), 1e-7);
  });

  it('is symmetric when y and σ both come from logits', () => {
    const a = randomLogits(rng, 6, 4, 3);
    const b = randomLogits(rng, 6, 4, 3);
    const probsA = a.map((row) => softmax64(row));
    const probsB = b.map((row) => softmax64(row));
    const ab = collisionCrossEntropy(t2(probsA), t2(b), { reduction: 'none' });
    const ba = collisionCrossEntropy(t2(probsB), t2(a), { reduction: 'none' });
    expectClose(read(ab, [6]), read(ba, [6]), 2e-6, 1e-6);
    expectClose(read(ab, [6]), collision64(probsA, b), 2e-6, 1e-6);
  });

  it('equals the Rényi collision entropy −ln Σ p² when targets are σ', () => {
    const logits = randomLogits(rng, 5, 6, 3);
    const probs = logits.map((row) => softmax64(row));
    const renyi = probs.map((p) => -Math.log(p.reduce((s, v) => s + v * v, 0)));
    const value = collisionCrossEntropy(t2(probs), t2(logits), {
      reduction: 'none',
    });
    expectClose(read(value, [5]), renyi, 2e-6, 1e-6);
  });

  it('matches the float64 reference when targets have exact zeros', () => {
    const logits = randomLogits(rng, 8, 6, 5);
    const targets = randomSimplex(rng, 8, 6, 0.5);
    expect(flat(targets).filter((v) => v === 0).length).toBeGreaterThan(5);
    const value = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
    });
    expectClose(read(value, [8]), collision64(targets, logits), 2e-6, 1e-6);
    // Where y_k = 0 the posterior is 0, so the gradient is σ_k / N.
    const grad = read(
      gradOf((l) => collisionCrossEntropy(t2(targets), l), logits),
      [8, 6],
    );
    targets.forEach((y, i) => {
      const sigma = softmax64(logits[i] as number[]);
      y.forEach((v, k) => {
        if (v === 0) {
          expect(grad[i * 6 + k]).toBeCloseTo((sigma[k] as number) / 8, 7);
        }
      });
    });
  });

  it('has a closed-form gradient equal to autodiff and finite differences', () => {
    const logits = randomLogits(rng, 4, 5, 2);
    const targets = randomSimplex(rng, 4, 5, 0.3);
    const closed = read(
      gradOf((l) => collisionCrossEntropy(t2(targets), l), logits),
      [4, 5],
    );
    // Autodiff of the naive form −ln Σ y σ through tf ops.
    const naive = read(
      gradOf(
        (l) =>
          tf.mean(
            tf.neg(tf.log(tf.sum(tf.mul(t2(targets), tf.softmax(l)), 1))),
          ),
        logits,
      ),
      [4, 5],
    );
    const fd = finiteDifferences(
      (l) => mean64(collision64(targets, l)),
      logits,
    );
    expectClose(closed, naive, 1e-6);
    expectClose(closed, flat(fd), 1e-6);
    expectClose(closed, flat(collisionGrad64(targets, logits)), 1e-7);
  });

  it('stays finite and correct when logits reach ±1e4', () => {
    const logits = [
      [1e4, -1e4, 0, 5e3],
      [1e4, -1e4, 0, 5e3],
      [-1e4, -1e4, 1e4, -1e4],
      [0, -200, 200, -1e4],
    ];
    const targets = [
      [0, 1, 0, 0], // all mass on the smallest logit: 2e4
      [0, 0.5, 0.5, 0],
      [0.5, 0.5, 0, 0], // y·σ = e^−2e4 underflows; the value does not
      [0.5, 0.5, 0, 0], // y·σ ≈ e^−200: the naive form gives Infinity
    ];
    const value = read(
      collisionCrossEntropy(t2(targets), t2(logits), { reduction: 'none' }),
      [4],
    );
    expectClose(value, collision64(targets, logits), 1e-3, 1e-6);
    expect(value[0]).toBeCloseTo(2e4, 2);
    const grad = read(
      gradOf((l) => collisionCrossEntropy(t2(targets), l), logits),
      [4, 4],
    );
    expect(grad.every(Number.isFinite)).toBe(true);
    expectClose(grad, flat(collisionGrad64(targets, logits)), 1e-7);
  });
});

describe('collisionCrossEntropy reductions', () => {
  const rng = makeRng(11);
  const logits = randomLogits(rng, 5, 3, 2);
  const targets = randomSimplex(rng, 5, 3);
  const perExample = collision64(targets, logits);
  const weights = [0.5, 2, 0, 1, 1.5];

  it('returns [N] when reduction is none and [] otherwise', () => {
    const none = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
    });
    const sum = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'sum',
    });
    const mean = collisionCrossEntropy(t2(targets), t2(logits));
    expectClose(read(none, [5]), perExample, 1e-6);
    expectClose(read(sum, []), [perExample.reduce((a, b) => a + b)], 1e-5);
    expectClose(read(mean, []), [mean64(perExample)], 1e-6);
  });

  it('weights each example when weights are given', () => {
    const w = tf.tensor1d(weights);
    const weighted = perExample.map((v, i) => v * (weights[i] as number));
    const total = weighted.reduce((a, b) => a + b);
    const none = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'none',
      weights: w,
    });
    const sum = collisionCrossEntropy(t2(targets), t2(logits), {
      reduction: 'sum',
      weights: w,
    });
    const mean = collisionCrossEntropy(t2(targets), t2(logits), { weights: w });
    expectClose(read(none, [5]), weighted, 1e-6);
    expectClose(read(sum, []), [total], 1e-5);
    expectClose(read(mean, []), [total / 5], 1e-6); // Σw = 5
  });

  it('rescales target rows when normalize is on', () => {
    const scaled = targets.map((row, i) => row.map((v) => v * (i + 2)));
    const value = collisionCrossEntropy(t2(scaled), t2(logits), {
      reduction: 'none',
      normalize: true,
      validate: true,
    });
    expectClose(read(value, [5]), perExample, 2e-6);
  });

  it('treats targets as constants when differentiated w.r.t. them', () => {
    const grad = tf.grad((y: Tensor) =>
      collisionCrossEntropy(y as Tensor2D, t2(logits)),
    )(t2(targets));
    expectClose(read(grad, [5, 3]), Array<number>(15).fill(0), 0);
  });
});
