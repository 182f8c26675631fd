// Tests of createBackbone: dispatch, seeded determinism and its guard.
import type * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../test/backend.js';
import { createBackbone } from './create-backbone.js';

beforeAll(() => useBackend('cpu'));

function weights(model: {
  namedVariables: readonly { variable: tf.Variable }[];
}) {
  return model.namedVariables.map((v) => Array.from(v.variable.dataSync()));
}

describe('createBackbone', () => {
  it('builds the named architecture (example value)', () => {
    const net = createBackbone({
      architecture: 'linear',
      inputShape: [4],
      numClasses: 3,
      seed: 0,
    });
    expect(net.config.architecture).toBe('linear');
    expect(net.numParams).toBe(4 * 3 + 3); // 15
    net.dispose();
  });

  it('rebuilds identical initial weights when given a model config', () => {
    const a = createBackbone({
      architecture: 'vgg4',
      inputShape: [8, 8, 1],
      numClasses: 3,
      seed: 11,
      widths: [2, 3, 4, 5],
    });
    const b = createBackbone(a.config);
    expect(b.config).toEqual(a.config);
    expect(weights(b)).toEqual(weights(a));
    a.dispose();
    b.dispose();
  });

  it('draws different weights when the seed differs', () => {
    const options = {
      architecture: 'resnet18' as const,
      inputShape: [8, 8, 3],
      numClasses: 3,
      widths: [2, 2, 2, 2] as const,
    };
    const a = createBackbone({ ...options, seed: 1 });
    const b = createBackbone({ ...options, seed: 2 });
    const wa = weights(a);
    const wb = weights(b);
    a.namedVariables.forEach((v, i) => {
      const random = v.trainable && v.name.endsWith('kernel');
      if (random) expect(wb[i], v.name).not.toEqual(wa[i]);
      else expect(wb[i], v.name).toEqual(wa[i]); // γ=1, β=0, stats
    });
    a.dispose();
    b.dispose();
  });

  it('rejects an unknown architecture naming the argument', () => {
    expect(() => createBackbone({ architecture: 'alexnet' } as never)).toThrow(
      "createBackbone: 'architecture' must be one of 'linear'",
    );
  });
});
