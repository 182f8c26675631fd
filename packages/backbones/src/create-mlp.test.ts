// Tests of createMlp: hand-worked parameter counts, the float64 reference
// in both batch-norm modes, finite-difference gradients and every guard.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectForwardMatchesReference,
  expectGradientsMatchReference,
} from '../test/against-reference.js';
import { toTensor, useBackend } from '../test/backend.js';
import { seededArray } from '../test/reference.js';
import { createMlp } from './create-mlp.js';

beforeAll(() => useBackend('cpu'));

describe('createMlp', () => {
  it('counts IMSAT 784–1200–1200–10 parameters by hand (example value)', () => {
    const mlp = createMlp({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
    // hidden 1: 784·1200 kernel + 1200 γ + 1200 β (no bias before BN)
    // hidden 2: 1200·1200 + 1200 + 1200; head: 1200·10 + 10
    const byHand = 940_800 + 2_400 + 1_440_000 + 2_400 + 12_000 + 10;
    expect(mlp.numParams).toBe(byHand); // 2 397 610
    expect(mlp.featureSize).toBe(1200);
    const moving = mlp.namedVariables.filter((v) => !v.trainable);
    expect(moving.reduce((s, v) => s + v.variable.size, 0)).toBe(4 * 1200);
    mlp.dispose();
  });

  it('counts biases instead of γ, β when batchNorm is false', () => {
    const mlp = createMlp({
      inputShape: [784],
      numClasses: 10,
      seed: 1,
      batchNorm: false,
    });
    // 784·1200 + 1200 + 1200·1200 + 1200 + 1200·10 + 10
    expect(mlp.numParams).toBe(942_000 + 1_441_200 + 12_010);
    expect(mlp.namedVariables.every((v) => v.trainable)).toBe(true);
    mlp.dispose();
  });

  it('matches the reference in both modes and updates moving statistics', () => {
    const mlp = createMlp({
      inputShape: [2, 3],
      numClasses: 3,
      seed: 4,
      hiddenUnits: [5, 4],
      bnMomentum: 0.7,
    });
    const x = seededArray([6, 2, 3], 4);
    expectForwardMatchesReference(mlp, x, true);
    expectForwardMatchesReference(mlp, x, true); // moving stats move again
    expectForwardMatchesReference(mlp, x, false);
    mlp.dispose();
  });

  it('matches finite-difference gradients through batch statistics', () => {
    const mlp = createMlp({
      inputShape: [6],
      numClasses: 3,
      seed: 5,
      hiddenUnits: [5, 4],
    });
    expectGradientsMatchReference(mlp, seededArray([5, 6], 5), true);
    expectGradientsMatchReference(mlp, seededArray([5, 6], 6), false);
    mlp.dispose();
  });

  it('matches the reference without batch norm', () => {
    const mlp = createMlp({
      inputShape: [6],
      numClasses: 3,
      seed: 6,
      hiddenUnits: [4],
      batchNorm: false,
    });
    const x = seededArray([3, 6], 7);
    expectForwardMatchesReference(mlp, x, true);
    expectGradientsMatchReference(mlp, x, true);
    mlp.dispose();
  });

  it('is the linear head when hiddenUnits is empty', () => {
    const mlp = createMlp({
      inputShape: [6],
      numClasses: 3,
      seed: 6,
      hiddenUnits: [],
    });
    expect(mlp.numParams).toBe(6 * 3 + 3);
    expect(mlp.featureSize).toBe(6);
    expectForwardMatchesReference(mlp, seededArray([2, 6], 8), true);
    mlp.dispose();
  });

  it('throws when training batch norm on a single example', () => {
    const mlp = createMlp({
      inputShape: [6],
      numClasses: 3,
      seed: 6,
      hiddenUnits: [4],
    });
    const x = toTensor(seededArray([1, 6], 9));
    expect(() => mlp.apply(x, { training: true })).toThrow("'x'");
    const logits = mlp.apply(x); // inference on one example is fine
    expect(logits.shape).toEqual([1, 3]);
    tf.dispose([x, logits]);
    mlp.dispose();
  });

  it('rejects bad options naming the argument', () => {
    const base = { inputShape: [4], numClasses: 2, seed: 0 };
    const bad = [
      [{ hiddenUnits: 5 }, 'hiddenUnits'],
      [{ hiddenUnits: [5, 0] }, 'hiddenUnits[1]'],
      [{ batchNorm: 'yes' }, 'batchNorm'],
      [{ bnMomentum: 1 }, 'bnMomentum'],
      [{ bnMomentum: -0.1 }, 'bnMomentum'],
      [{ bnEpsilon: 0 }, 'bnEpsilon'],
      [{ numClasses: 2.5 }, 'numClasses'],
    ] as const;
    for (const [extra, argument] of bad) {
      expect(() => createMlp({ ...base, ...extra } as never)).toThrow(
        `'${argument}'`,
      );
    }
  });
});
