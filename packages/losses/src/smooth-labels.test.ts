import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { expectClose, read, t2 } from '../test/helpers.js';
import { smoothLabels } from './smooth-labels.js';

describe('smoothLabels', () => {
  it('gives the documented rows when labels are a number array', () => {
    const y = smoothLabels([2, 0], 3, 0.3);
    expectClose(read(y, [2, 3]), [0.1, 0.1, 0.8, 0.8, 0.1, 0.1], 1e-7);
  });

  it('gives the same rows when labels are an Int32Array or an int32 tensor', () => {
    const expected = [0.05, 0.85, 0.05, 0.05, 0.05, 0.05, 0.05, 0.85];
    const fromArray = smoothLabels(new Int32Array([1, 3]), 4, 0.2);
    const fromTensor = smoothLabels(tf.tensor1d([1, 3], 'int32'), 4, 0.2, {
      validate: true,
    });
    expectClose(read(fromArray, [2, 4]), expected, 1e-7);
    expectClose(read(fromTensor, [2, 4]), expected, 1e-7);
  });

  it('mixes soft targets with the uniform distribution when given a matrix', () => {
    const y = smoothLabels(t2([[0.5, 0.5, 0, 0]]), 4, 0.4);
    // 0.6 · [0.5, 0.5, 0, 0] + 0.1
    expectClose(read(y, [1, 4]), [0.4, 0.4, 0.1, 0.1], 1e-7);
  });

  it('returns one-hot rows at ε = 0 and uniform rows at ε = 1', () => {
    expectClose(read(smoothLabels([1], 2, 0), [1, 2]), [0, 1], 0);
    expectClose(read(smoothLabels([1], 2, 1), [1, 2]), [0.5, 0.5], 0);
  });
});
