// Tests of saveBackbone: file layout read back independently with a
// DataView, atomic replacement and its guards.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../test/backend.js';
import { createMlp } from './create-mlp.js';
import { createVgg4 } from './create-vgg4.js';
import { saveBackbone } from './save-backbone.js';
import type { BackboneManifest } from './types.js';

let root: string;
beforeAll(async () => {
  await useBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'cce-backbones-save-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('saveBackbone', () => {
  it('writes model.json and a weights.bin whose bytes are the float32 values', async () => {
    const net = createVgg4({
      inputShape: [6, 6, 1],
      numClasses: 4,
      seed: 3,
      widths: [2, 2, 3, 3],
    });
    const x = tf.ones([2, 6, 6, 1]);
    tf.dispose(net.apply(x, { training: true })); // moves the BN statistics
    const dir = join(root, 'vgg4');
    const saved = await saveBackbone(net, dir);

    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const manifest = JSON.parse(
      await readFile(saved.modelPath, 'utf8'),
    ) as BackboneManifest;
    expect(manifest.format).toBe('cce-backbone');
    expect(manifest.architecture).toBe('vgg4');
    expect(manifest.numClasses).toBe(4);
    expect(manifest.inputShape).toEqual([6, 6, 1]);
    expect(manifest.config).toEqual(net.config);
    expect(manifest.numParams).toBe(net.numParams);

    const bytes = await readFile(saved.weightsPath);
    expect(bytes.length).toBe(manifest.weightsByteLength);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    let offset = 0;
    net.namedVariables.forEach(({ name, variable, trainable }, i) => {
      const entry = manifest.weights[i]!;
      expect(entry.name).toBe(name);
      expect(entry.shape).toEqual(variable.shape);
      expect(entry.trainable).toBe(trainable);
      expect(entry.byteOffset).toBe(offset); // contiguous, in order
      expect(entry.byteLength).toBe(4 * variable.size);
      const stored = Array.from({ length: variable.size }, (_, j) =>
        view.getFloat32(entry.byteOffset + 4 * j, true),
      );
      expect(stored).toEqual(Array.from(variable.dataSync()));
      offset += entry.byteLength;
    });
    expect(offset).toBe(bytes.length);
    x.dispose();
    net.dispose();
  });

  it('replaces an existing checkpoint and leaves no temporary files', async () => {
    const dir = join(root, 'twice');
    const a = createMlp({
      inputShape: [3],
      numClasses: 2,
      seed: 1,
      hiddenUnits: [2],
    });
    const b = createMlp({
      inputShape: [3],
      numClasses: 2,
      seed: 2,
      hiddenUnits: [2],
    });
    await saveBackbone(a, dir);
    await saveBackbone(b, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const manifest = JSON.parse(
      await readFile(join(dir, 'model.json'), 'utf8'),
    );
    expect(manifest.config.seed).toBe(2);
    a.dispose();
    b.dispose();
  });

  it('removes its temporary file when the rename fails', async () => {
    const dir = join(root, 'blocked');
    await mkdir(join(dir, 'weights.bin'), { recursive: true }); // a directory
    const net = createMlp({
      inputShape: [3],
      numClasses: 2,
      seed: 1,
      hiddenUnits: [2],
    });
    await expect(saveBackbone(net, dir)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['weights.bin']); // no model.json, no temp
    net.dispose();
  });

  it('rejects a non-model and an empty path naming the argument', async () => {
    const net = createMlp({
      inputShape: [3],
      numClasses: 2,
      seed: 1,
      hiddenUnits: [2],
    });
    await expect(saveBackbone({} as never, root)).rejects.toThrow("'model'");
    await expect(saveBackbone(net, '')).rejects.toThrow("'dir'");
    net.dispose();
    await expect(saveBackbone(net, root)).rejects.toThrow("'this'");
  });
});
