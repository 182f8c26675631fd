// Tests of loadBackbone: exact round trips, mismatched expectations and
// every kind of damaged checkpoint.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTensor, useBackend } from '../test/backend.js';
import { seededArray } from '../test/reference.js';
import { createResNet18 } from './create-resnet18.js';
import { createVgg4 } from './create-vgg4.js';
import { loadBackbone } from './load-backbone.js';
import { saveBackbone } from './save-backbone.js';
import type { Backbone, BackboneManifest } from './types.js';

let root: string;
let dir: string;
let x: tf.Tensor;
let saved: Backbone;

beforeAll(async () => {
  await useBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'cce-backbones-load-'));
  dir = join(root, 'vgg4');
  const net = createVgg4({
    inputShape: [6, 6, 2],
    numClasses: 10,
    seed: 5,
    widths: [2, 3, 3, 4],
  });
  x = toTensor(seededArray([3, 6, 6, 2], 5));
  await trainOneStep(net, x);
  await saveBackbone(net, dir);
  saved = net;
});
afterAll(async () => {
  x.dispose();
  saved.dispose();
  await rm(root, { recursive: true, force: true });
});

/** One SGD step, so weights and moving statistics leave their init. */
async function trainOneStep(net: Backbone, input: tf.Tensor) {
  const optimizer = tf.train.sgd(0.1);
  optimizer.minimize(
    () => tf.mean(tf.square(net.apply(input, { training: true }))),
    false,
    net.trainableVariables,
  );
  optimizer.dispose();
}

/** A copy of the saved checkpoint with model.json or weights.bin edited. */
async function corrupt(
  name: string,
  edit: {
    json?: (m: BackboneManifest) => void;
    bytes?: (b: Uint8Array) => Uint8Array;
  },
): Promise<string> {
  const target = join(root, name);
  const manifest = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  let bytes: Uint8Array = new Uint8Array(
    await readFile(join(dir, 'weights.bin')),
  );
  edit.json?.(manifest);
  if (edit.bytes) bytes = edit.bytes(bytes);
  await saveRaw(target, JSON.stringify(manifest), bytes);
  return target;
}

async function saveRaw(target: string, json: string, bytes: Uint8Array) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(target, { recursive: true });
  await writeFile(join(target, 'model.json'), json);
  await writeFile(join(target, 'weights.bin'), bytes);
}

describe('loadBackbone', () => {
  it('round-trips to bit-identical logits when expectations match', async () => {
    const loaded = await loadBackbone(dir, {
      expect: { architecture: 'vgg4', numClasses: 10, inputShape: [6, 6, 2] },
    });
    expect(loaded.config).toEqual(saved.config);
    const want = saved.apply(x);
    const got = loaded.apply(x);
    expect(got.shape).toEqual([3, 10]);
    expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    tf.dispose([want, got]);
    loaded.dispose();
  });

  it('restores weights and moving statistics exactly when saved after training', async () => {
    const net = createResNet18({
      inputShape: [4, 4, 1],
      numClasses: 3,
      seed: 8,
      widths: [2, 2, 2, 2],
    });
    const input = toTensor(seededArray([2, 4, 4, 1], 8));
    await trainOneStep(net, input);
    const target = join(root, 'resnet');
    await saveBackbone(net, target);
    const loaded = await loadBackbone(target);
    for (const training of [false, true]) {
      const want = net.apply(input, { training, returnFeatures: true });
      const got = loaded.apply(input, { training, returnFeatures: true });
      expect(Array.from(got.logits.dataSync())).toEqual(
        Array.from(want.logits.dataSync()),
      );
      expect(Array.from(got.features.dataSync())).toEqual(
        Array.from(want.features.dataSync()),
      );
      tf.dispose([want, got] as never);
    }
    loaded.namedVariables.forEach((v, i) => {
      const source = net.namedVariables[i]!;
      expect(v.name).toBe(source.name);
      expect(Array.from(v.variable.dataSync())).toEqual(
        Array.from(source.variable.dataSync()),
      );
    });
    tf.dispose([input]);
    net.dispose();
    loaded.dispose();
  });

  it('names the class count when the checkpoint has other classes', async () => {
    await expect(
      loadBackbone(dir, { expect: { numClasses: 20 } }),
    ).rejects.toThrow(
      "loadBackbone: 'numClasses' must be 20 (options.expect.numClasses), got 10 in the checkpoint",
    );
  });

  it('names the architecture (and lists further differences) when it differs', async () => {
    const promise = loadBackbone(dir, {
      expect: { architecture: 'resnet18', numClasses: 3 },
    });
    await expect(promise).rejects.toThrow(
      "'architecture' must be 'resnet18' (options.expect.architecture), got 'vgg4' in the checkpoint",
    );
    await expect(
      loadBackbone(dir, {
        expect: { architecture: 'resnet18', numClasses: 3 },
      }),
    ).rejects.toThrow('numClasses is 10, not 3');
  });

  it('names the input shape when it differs', async () => {
    await expect(
      loadBackbone(dir, { expect: { inputShape: [32, 32, 3] } }),
    ).rejects.toThrow("'inputShape' must be [32, 32, 3]");
  });

  it('rejects bad expectations naming the option', async () => {
    await expect(
      loadBackbone(dir, { expect: { architecture: 'vgg16' as never } }),
    ).rejects.toThrow("'options.expect.architecture'");
    await expect(
      loadBackbone(dir, { expect: { numClasses: 0 } }),
    ).rejects.toThrow("'options.expect.numClasses'");
  });

  it('names the directory when files are missing or model.json is not JSON', async () => {
    await expect(loadBackbone(join(root, 'nope'))).rejects.toThrow(
      /'dir' must be a directory with model.json and weights.bin.*ENOENT/,
    );
    const broken = join(root, 'broken-json');
    await saveRaw(broken, '{ not json', new Uint8Array(4));
    await expect(loadBackbone(broken)).rejects.toThrow(
      /'dir'.*unparsable JSON/,
    );
    await expect(loadBackbone('' as never)).rejects.toThrow("'dir'");
  });

  it('detects a truncated or damaged weights.bin', async () => {
    const short = await corrupt('short', {
      bytes: (b) => b.subarray(0, b.length - 4),
    });
    await expect(loadBackbone(short)).rejects.toThrow(/'weights'.*bytes/);
    const flipped = await corrupt('flipped', {
      bytes: (b) => {
        b[17] = b[17]! ^ 0xff;
        return b;
      },
    });
    await expect(loadBackbone(flipped)).rejects.toThrow(/'weights'.*checksum/);
  });

  it('names the manifest field when the manifest is inconsistent', async () => {
    const cases: [string, (m: BackboneManifest) => void, RegExp][] = [
      [
        'version',
        (m) => {
          m.formatVersion = 2 as never;
        },
        /'manifest.formatVersion'/,
      ],
      [
        'format',
        (m) => {
          m.format = 'keras' as never;
        },
        /'manifest'/,
      ],
      [
        'config',
        (m) => {
          m.config.numClasses = 0;
        },
        /'manifest.config.numClasses'/,
      ],
      [
        'count',
        (m) => {
          m.weights.pop();
        },
        /'manifest.weights' must be 22 entries/,
      ],
      [
        'shape',
        (m) => {
          m.weights[0]!.shape = [3, 3, 2, 3];
        },
        /manifest.weights\['block1\/conv\/kernel'\]'.*byte offset 0/,
      ],
      [
        'offset',
        (m) => {
          m.weights[1]!.byteOffset = 2;
        },
        /byteOffset' must be a multiple of 4/,
      ],
    ];
    for (const [name, edit, message] of cases) {
      const target = await corrupt(name, { json: edit });
      await expect(loadBackbone(target), name).rejects.toThrow(message);
    }
  });
});
