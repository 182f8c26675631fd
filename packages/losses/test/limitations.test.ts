// Pins the documented behaviour of LIMITATIONS.md L-002 (all-zero target
// rows without validate) and checks that no call leaks tensors.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  decisiveness,
  fairness,
  getLoss,
  LOSS_NAMES,
  mutualInformationLoss,
  smoothLabels,
  strongFairness,
} from '../src/index.js';
import { expectClose, read, t2 } from './helpers.js';

describe('all-zero target rows without validate (L-002)', () => {
  // Row 0 is all zero; logits are equal, so σ = (1/2, 1/2).
  const targets = () =>
    t2([
      [0, 0],
      [1, 0],
    ]);
  const logits = () =>
    t2([
      [0, 0],
      [0, 0],
    ]);
  const expected: Record<string, number> = {
    collision: 1e30, // −LOG_ZERO
    shannon: 0,
    reverse: 4, // −A · Σσ
    kl: 0,
    sce: 4, // 0.1 · 0 + 1 · 4
    gce: 0,
    mae: 1, // Σ |0 − σ_k|
  };

  it.each([...LOSS_NAMES])(
    'gives the documented finite value for %s',
    (name) => {
      const value = read(
        getLoss(name).fn(targets(), logits(), { reduction: 'none' }),
        [2],
      );
      expect(value[0]).toBeCloseTo(
        expected[name] as number,
        name === 'collision' ? -25 : 6,
      );
      expect(Number.isNaN(value[0])).toBe(false);
    },
  );

  it('keeps the row at zero when normalize is on', () => {
    const value = read(
      getLoss('shannon').fn(targets(), logits(), {
        reduction: 'none',
        normalize: true,
      }),
      [2],
    );
    expectClose(value, [0, Math.log(2)], 1e-7);
  });
});

describe('tensor memory', () => {
  const y = () =>
    t2([
      [0.2, 0.8, 0],
      [0.5, 0, 0.5],
    ]);
  const l = () =>
    t2([
      [1, 2, 3],
      [0, -1, 4],
    ]);

  it('leaves only the result behind when a loss and its gradient run', () => {
    const targets = y();
    const logits = l();
    const weights = tf.tensor1d([1, 2]);
    const before = tf.memory().numTensors;
    for (const name of LOSS_NAMES) {
      const { fn } = getLoss(name);
      const options = { weights, normalize: true, validate: true };
      const { value, grad } = tf.valueAndGrad((x: Tensor) =>
        fn(targets, x as Tensor2D, options),
      )(logits);
      tf.dispose([value, grad]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves only the result behind when criteria run', () => {
    const logits = l();
    const before = tf.memory().numTensors;
    const results = [
      decisiveness(logits),
      fairness(logits),
      mutualInformationLoss(logits),
      strongFairness(y()),
      smoothLabels([0, 2], 3, 0.1),
    ];
    // strongFairness's input y() is one extra tensor.
    expect(tf.memory().numTensors).toBe(before + results.length + 1);
  });
});
