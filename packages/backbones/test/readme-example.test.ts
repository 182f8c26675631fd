// Runs the README example (with a temporary directory and fewer examples),
// so the documented numbers and shapes cannot drift from the code.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { describe, expect, it } from 'vitest';
import { createVgg4, loadBackbone, saveBackbone } from '../src/index.js';

describe('README example', () => {
  it('trains, saves and reloads a VGG4 when run as written', async () => {
    await initRuntime({ backend: 'wasm' });
    const model = createVgg4({
      inputShape: [28, 28, 1],
      numClasses: 10,
      seed: 1,
    });
    expect(model.numParams).toBe(1_555_914);

    const x = tf.randomNormal([4, 28, 28, 1], 0, 1, 'float32', 1);
    const labels = tf.oneHot(
      tf.randomUniform([4], 0, 10, 'int32', 2) as tf.Tensor1D,
      10,
    );
    const optimizer = tf.train.adam(1e-3);
    const before = Array.from(model.trainableVariables[0]!.dataSync());
    optimizer.minimize(
      () =>
        tf.losses.softmaxCrossEntropy(
          labels,
          model.apply(x, { training: true }),
        ),
      false,
      model.trainableVariables,
    );
    expect(Array.from(model.trainableVariables[0]!.dataSync())).not.toEqual(
      before,
    );

    const { logits, features } = model.apply(x, { returnFeatures: true });
    expect(logits.shape).toEqual([4, 10]);
    expect(features.shape).toEqual([4, 512]);

    const dir = await mkdtemp(join(tmpdir(), 'cce-readme-'));
    await saveBackbone(model, join(dir, 'vgg4'));
    const again = await loadBackbone(join(dir, 'vgg4'), {
      expect: { architecture: 'vgg4', numClasses: 10 },
    });
    const reloaded = again.apply(x);
    expect(Array.from(reloaded.dataSync())).toEqual(
      Array.from(logits.dataSync()),
    );

    tf.dispose([x, labels, logits, features, reloaded]);
    optimizer.dispose();
    model.dispose();
    again.dispose();
    await rm(dir, { recursive: true, force: true });
  });
});
