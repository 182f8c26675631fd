// Tests of deserializeBackbone: in-memory round trips and guards.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTensor, useBackend } from '../test/backend.js';
import { seededArray } from '../test/reference.js';
import { createMlp } from './create-mlp.js';
import { deserializeBackbone } from './deserialize-backbone.js';

beforeAll(() => useBackend('cpu'));

function makeMlp() {
  return createMlp({
    inputShape: [5],
    numClasses: 3,
    seed: 4,
    hiddenUnits: [4],
  });
}

describe('deserializeBackbone', () => {
  it('rebuilds identical logits from serialize() (example value)', () => {
    const model = makeMlp();
    const x = toTensor(seededArray([4, 5], 4));
    tf.dispose(model.apply(x, { training: true })); // move the BN statistics
    const copy = deserializeBackbone(model.serialize());
    const want = model.apply(x);
    const got = copy.apply(x);
    expect(got.shape).toEqual([4, 3]);
    expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    tf.dispose([x, want, got]);
    model.dispose();
    copy.dispose();
  });

  it('survives a JSON round trip of the manifest and a copied buffer', () => {
    const model = makeMlp();
    const { manifest, weights } = model.serialize();
    const copy = deserializeBackbone({
      manifest: JSON.parse(JSON.stringify(manifest)),
      weights: weights.slice(),
    });
    expect(copy.serialize().manifest).toEqual(manifest);
    model.dispose();
    copy.dispose();
  });

  it('rejects a missing manifest or weights naming the argument', () => {
    const model = makeMlp();
    const serialized = model.serialize();
    expect(() =>
      deserializeBackbone({ ...serialized, weights: [1, 2] as never }),
    ).toThrow("deserializeBackbone: 'weights' must be a Uint8Array");
    expect(() =>
      deserializeBackbone({ ...serialized, manifest: null as never }),
    ).toThrow("'manifest'");
    expect(() => deserializeBackbone(undefined as never)).toThrow("'weights'");
    model.dispose();
  });

  it('names the class count when the expectation differs', () => {
    const model = makeMlp();
    expect(() =>
      deserializeBackbone(model.serialize(), { expect: { numClasses: 4 } }),
    ).toThrow("'numClasses' must be 4 (options.expect.numClasses), got 3");
    model.dispose();
  });

  it('leaves no variables behind when the weights do not fit', () => {
    const model = makeMlp();
    const { manifest, weights } = model.serialize();
    const before = tf.memory().numTensors;
    const wrong = structuredClone(manifest);
    wrong.weights[0]!.name = 'renamed';
    expect(() => deserializeBackbone({ manifest: wrong, weights })).toThrow(
      "'manifest.weights['hidden1/kernel']'",
    );
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
