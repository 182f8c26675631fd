// Tests of createVgg4: hand-worked parameter counts, the three image sizes,
// the float64 reference and finite-difference gradients.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectForwardMatchesReference,
  expectGradientsMatchReference,
} from '../test/against-reference.js';
import { useBackend } from '../test/backend.js';
import { seededArray } from '../test/reference.js';
import { createVgg4 } from './create-vgg4.js';

beforeAll(() => useBackend('cpu'));

describe('createVgg4', () => {
  it('counts the default 32×32×3 parameters by hand (example value)', () => {
    const net = createVgg4({
      inputShape: [32, 32, 3],
      numClasses: 10,
      seed: 0,
    });
    // block b: 3·3·c_in·c_out kernel (no bias) + γ, β of c_out each
    const block1 = 9 * 3 * 64 + 2 * 64; // 1 856
    const block2 = 9 * 64 * 128 + 2 * 128; // 73 984
    const block3 = 9 * 128 * 256 + 2 * 256; // 295 424
    const block4 = 9 * 256 * 512 + 2 * 512; // 1 180 672
    const head = 512 * 10 + 10; // 5 130
    expect(net.numParams).toBe(block1 + block2 + block3 + block4 + head);
    expect(net.numParams).toBe(1_557_066);
    expect(net.featureSize).toBe(512);
    net.dispose();
  });

  it('has a size-independent count when the input is 28×28×1 or 96×96×3', () => {
    const gray = createVgg4({
      inputShape: [28, 28, 1],
      numClasses: 10,
      seed: 0,
    });
    expect(gray.numParams).toBe(1_557_066 - 9 * 2 * 64); // C = 1, not 3
    const stl = createVgg4({
      inputShape: [96, 96, 3],
      numClasses: 10,
      seed: 0,
    });
    expect(stl.numParams).toBe(1_557_066);
    gray.dispose();
    stl.dispose();
  });

  it('gives [N, K] logits and [N, w₄] features for 28, 32 and 96 pixel inputs', () => {
    for (const inputShape of [
      [28, 28, 1],
      [32, 32, 3],
      [96, 96, 3],
    ]) {
      const net = createVgg4({
        inputShape,
        numClasses: 7,
        seed: 1,
        widths: [4, 4, 4, 6],
      });
      const x = tf.ones([2, ...inputShape]);
      const { logits, features } = net.apply(x, {
        training: true,
        returnFeatures: true,
      });
      expect(logits.shape).toEqual([2, 7]);
      expect(features.shape).toEqual([2, 6]);
      tf.dispose([x, logits, features]);
      net.dispose();
    }
  });

  it('matches the float64 reference when sizes are odd and even', () => {
    for (const inputShape of [
      [7, 7, 2],
      [8, 6, 1],
    ]) {
      const net = createVgg4({
        inputShape,
        numClasses: 3,
        seed: 2,
        widths: [2, 3, 4, 5],
      });
      const x = seededArray([3, ...inputShape], 2);
      expectForwardMatchesReference(net, x, true);
      expectForwardMatchesReference(net, x, false);
      net.dispose();
    }
  });

  it('matches finite-difference gradients in training mode', () => {
    const net = createVgg4({
      inputShape: [7, 7, 2],
      numClasses: 3,
      seed: 3,
      widths: [2, 3, 4, 5],
    });
    expectGradientsMatchReference(net, seededArray([3, 7, 7, 2], 3), true);
    net.dispose();
  });

  it('rejects bad options naming the argument', () => {
    const base = { inputShape: [8, 8, 1], numClasses: 2, seed: 0 };
    const bad = [
      [{ inputShape: [64] }, 'inputShape'],
      [{ inputShape: [8, 8, 0] }, 'inputShape'],
      [{ widths: [8, 8, 8] }, 'widths'],
      [{ widths: [8, 8, 8, 0] }, 'widths[3]'],
      [{ bnEpsilon: Number.NaN }, 'bnEpsilon'],
    ] as const;
    for (const [extra, argument] of bad) {
      expect(() => createVgg4({ ...base, ...extra } as never)).toThrow(
        `'${argument}'`,
      );
    }
  });
});
