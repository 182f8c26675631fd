// Tests of countFlops against FLOP counts worked by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../test/backend.js';
import { countFlops } from './count-flops.js';
import { createMlp } from './create-mlp.js';

beforeAll(() => useBackend('cpu'));

describe('countFlops', () => {
  it('counts 2·d·K forward and weight-only backward for a linear head (example value)', () => {
    const flops = countFlops({
      architecture: 'linear',
      inputShape: [512],
      numClasses: 10,
      seed: 0,
    });
    expect(flops.forward).toBe(10_240);
    expect(flops.backward).toBe(10_240);
    expect(flops.training).toBe(20_480);
  });

  it('counts VGG4 on 32×32×3 layer by layer as worked by hand', () => {
    const flops = countFlops({
      architecture: 'vgg4',
      inputShape: [32, 32, 3],
      numClasses: 10,
      seed: 0,
    });
    const block1 = 2 * 32 * 32 * 9 * 3 * 64; // 3 538 944
    const block2 = 2 * 16 * 16 * 9 * 64 * 128; // 37 748 736 (after a pool)
    const block3 = 2 * 8 * 8 * 9 * 128 * 256; // 37 748 736
    const block4 = 2 * 4 * 4 * 9 * 256 * 512; // 37 748 736
    const head = 2 * 512 * 10;
    expect(flops.layers.map((l) => l.forward)).toEqual([
      block1,
      block2,
      block3,
      block4,
      head,
    ]);
    expect(flops.forward).toBe(116_795_392);
    // The first conv needs no input gradient: backward = 1× instead of 2×.
    expect(flops.backward).toBe(block1 + 2 * (block2 + block3 + block4 + head));
  });

  it('counts ResNet-18 on 32×32×3 as worked by hand', () => {
    const flops = countFlops({
      architecture: 'resnet18',
      inputShape: [32, 32, 3],
      numClasses: 10,
      seed: 0,
    });
    const conv = (hw: number, k: number, cin: number, cout: number) =>
      2 * hw * hw * k * k * cin * cout;
    const stem = conv(32, 3, 3, 64);
    const stage1 = 4 * conv(32, 3, 64, 64);
    // stages 2–4: a stride-2 conv, three full convs and a 1×1 projection
    const stage = (hw: number, c: number) =>
      conv(hw, 3, c / 2, c) + 3 * conv(hw, 3, c, c) + conv(hw, 1, c / 2, c);
    const byHand =
      stem +
      stage1 +
      stage(16, 128) +
      stage(8, 256) +
      stage(4, 512) +
      2 * 512 * 10;
    expect(flops.forward).toBe(byHand);
    expect(flops.forward).toBe(1_110_845_440); // ≈ 0.56 G multiply–adds
    expect(flops.layers).toHaveLength(1 + 16 + 3 + 1);
  });

  it('counts an MLP from a model when given the model', () => {
    const mlp = createMlp({
      inputShape: [10],
      numClasses: 3,
      seed: 0,
      hiddenUnits: [4],
    });
    const flops = countFlops(mlp);
    expect(flops.forward).toBe(2 * 10 * 4 + 2 * 4 * 3);
    expect(flops.backward).toBe(2 * 10 * 4 + 2 * (2 * 4 * 3));
    mlp.dispose();
  });

  it('rejects an unknown architecture naming the argument', () => {
    expect(() =>
      countFlops({
        architecture: 'vgg16',
        inputShape: [1],
        numClasses: 1,
        seed: 0,
      } as never),
    ).toThrow("'architecture'");
  });
});
