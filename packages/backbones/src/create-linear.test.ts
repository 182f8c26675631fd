// Tests of createLinear against x W + b in float64 and finite differences.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectForwardMatchesReference,
  expectGradientsMatchReference,
} from '../test/against-reference.js';
import { useBackend } from '../test/backend.js';
import { seededArray } from '../test/reference.js';
import { createLinear } from './create-linear.js';

beforeAll(() => useBackend('cpu'));

describe('createLinear', () => {
  it('counts d·K + K parameters when built (example value)', () => {
    const head = createLinear({ inputShape: [512], numClasses: 10, seed: 0 });
    expect(head.numParams).toBe(512 * 10 + 10); // 5130
    expect(head.featureSize).toBe(512);
    const logits = head.apply(tf.zeros([4, 512]));
    expect(logits.shape).toEqual([4, 10]);
    expect(Array.from(logits.dataSync())).toEqual(new Array(40).fill(0));
    tf.dispose(logits);
    head.dispose();
  });

  it('flattens an image input when inputShape has rank 3', () => {
    const head = createLinear({
      inputShape: [2, 3, 2],
      numClasses: 4,
      seed: 1,
    });
    expect(head.numParams).toBe(12 * 4 + 4);
    expectForwardMatchesReference(head, seededArray([3, 2, 3, 2], 1), false);
    head.dispose();
  });

  it('matches x W + b and its finite-difference gradients', () => {
    const head = createLinear({ inputShape: [6], numClasses: 3, seed: 2 });
    const x = seededArray([4, 6], 2);
    expectForwardMatchesReference(head, x, true);
    expectGradientsMatchReference(head, x, true);
    head.dispose();
  });

  it('draws Glorot-uniform weights within ±√(6/(d+K)) when built', () => {
    const head = createLinear({ inputShape: [300], numClasses: 20, seed: 3 });
    const kernel = Array.from(head.namedVariables[0]!.variable.dataSync());
    const limit = Math.sqrt(6 / (300 + 20));
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
    // Variance of U(−a, a) is a²/3; 6000 draws give a ~2% standard error.
    const variance = kernel.reduce((s, v) => s + v * v, 0) / kernel.length;
    expect(variance).toBeCloseTo(limit ** 2 / 3, 3);
    head.dispose();
  });

  it('rejects bad options naming the argument', () => {
    const bad = [
      [{ inputShape: [], numClasses: 2, seed: 0 }, 'inputShape'],
      [{ inputShape: [2.5], numClasses: 2, seed: 0 }, 'inputShape'],
      [{ inputShape: [4], numClasses: 0, seed: 0 }, 'numClasses'],
      [{ inputShape: [4], numClasses: 2, seed: -1 }, 'seed'],
      [{ inputShape: [4], numClasses: 2, seed: 1.5 }, 'seed'],
    ] as const;
    for (const [options, argument] of bad) {
      expect(() => createLinear(options as never)).toThrow(`'${argument}'`);
    }
    expect(() => createLinear(null as never)).toThrow("'options'");
  });
});
