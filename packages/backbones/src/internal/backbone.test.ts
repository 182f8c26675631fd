// Tests of the shared model object: input guards, tensor bookkeeping,
// failure atomicity and disposal.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test/backend.js';
import { createVgg4 } from '../create-vgg4.js';
import { createLinear } from '../create-linear.js';

beforeAll(() => useBackend('cpu'));

describe('Backbone.apply', () => {
  it('rejects inputs of the wrong shape, dtype or type naming x', () => {
    const head = createLinear({ inputShape: [4], numClasses: 2, seed: 0 });
    const cases = [
      tf.zeros([2, 5]),
      tf.zeros([4]),
      tf.zeros([0, 4]),
      tf.zeros([2, 4], 'int32'),
    ];
    for (const x of cases) {
      expect(() => head.apply(x)).toThrow("Backbone.apply: 'x' must be");
    }
    expect(() => head.apply([1, 2, 3, 4] as never)).toThrow("'x'");
    expect(() => head.apply(tf.zeros([2, 5]))).toThrow('got float32 [2, 5]');
    tf.dispose(cases);
    head.dispose();
  });

  it('leaves no tensors behind except its outputs when training', () => {
    const net = createVgg4({
      inputShape: [8, 8, 1],
      numClasses: 3,
      seed: 0,
      widths: [2, 2, 2, 2],
    });
    const x = tf.ones([2, 8, 8, 1]);
    const before = tf.memory().numTensors;
    const logits = net.apply(x, { training: true });
    expect(tf.memory().numTensors).toBe(before + 1);
    const out = net.apply(x, { returnFeatures: true });
    expect(tf.memory().numTensors).toBe(before + 3);
    tf.dispose([logits, out.logits, out.features]);
    const grads = tf.variableGrads(
      () => tf.sum(net.apply(x, { training: true })),
      net.trainableVariables,
    );
    tf.dispose([grads.value, ...Object.values(grads.grads)]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    net.dispose();
  });

  it('leaves the moving statistics untouched when a training pass fails', () => {
    // 8×8 input: blocks 1–3 see 8, 4, 2 pixels, block 4 sees 1×1; with
    // N = 1 the fourth batch norm has one value per channel and throws.
    const net = createVgg4({
      inputShape: [8, 8, 1],
      numClasses: 3,
      seed: 0,
      widths: [2, 2, 2, 2],
    });
    const x = tf.ones([1, 8, 8, 1]);
    const before = net.namedVariables.map((v) => v.variable.dataSync());
    const tensors = tf.memory().numTensors;
    expect(() => net.apply(x, { training: true })).toThrow(
      "Backbone.apply: 'x' must be a batch with at least 2 values",
    );
    const after = net.namedVariables.map((v) => v.variable.dataSync());
    expect(after).toEqual(before);
    expect(tf.memory().numTensors).toBe(tensors);
    x.dispose();
    net.dispose();
  });

  it('frees every variable and refuses calls once disposed', () => {
    const head = createLinear({ inputShape: [4], numClasses: 2, seed: 0 });
    const before = tf.memory().numTensors;
    head.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
    expect(head.isDisposed).toBe(true);
    head.dispose(); // a second call is harmless
    const x = tf.zeros([1, 4]);
    expect(() => head.apply(x)).toThrow("Backbone.apply: 'this'");
    expect(() => head.serialize()).toThrow("Backbone.serialize: 'this'");
    x.dispose();
  });
});
