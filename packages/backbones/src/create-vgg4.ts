// A four-block VGG-style convolutional network (conv3×3 → batch norm → ReLU
// → 2×2 max-pool, four times), the small backbone deep-clustering work
// trains on 28×28, 32×32 and 96×96 images.
import * as tf from '@tensorflow/tfjs-core';
import { makeBackbone } from './internal/backbone.js';
import {
  batchNorm,
  conv,
  dense,
  globalAveragePool,
  maxPool2,
} from './internal/layers.js';
import { ParameterStore } from './internal/params.js';
import {
  checkWidths,
  resolveBatchNorm,
  resolveCommon,
} from './internal/validate.js';
import type { Backbone, Vgg4Config, Vgg4Options } from './types.js';

const FN = 'createVgg4';

/**
 * Creates a VGG4 for `[H, W, C]` images: four blocks of
 * `conv 3×3 (stride 1, 'same', no bias) → batch norm → ReLU → max-pool 2×2
 * (stride 2, 'same')`, then global average pooling and a dense head.
 *
 * Global average pooling (not flattening) makes the head independent of
 * the image size, so one configuration fits 28×28×1, 32×32×3 and 96×96×3
 * and the parameter count depends only on C, the widths w₁…w₄ and K:
 * `Σ_b (9·w_{b−1}·w_b + 2·w_b) + w₄·K + K` with w₀ = C (plus `2·Σ w_b`
 * moving statistics). With the default widths [64, 128, 256, 512], C = 3
 * and K = 10: `1856 + 73 984 + 295 424 + 1 180 672 + 5130 = 1 557 066`.
 * The spatial size after the blocks is `⌈H/16⌉ × ⌈W/16⌉`. Convolution
 * kernels are He-normal (fan-in), the head Glorot-uniform, from the seed.
 * Features: the pooled `[N, w₄]` vector.
 *
 * @param options - `{ inputShape: [H, W, C], numClasses, seed, widths =
 *   [64, 128, 256, 512], bnMomentum = 0.9, bnEpsilon = 1e-5 }`.
 * @returns a {@link Backbone}.
 * @see arXiv:1409.1556 (VGG); arXiv:1502.03167 (batch norm);
 *   arXiv:2303.07321 (the clustering experiments this backbone serves).
 * @throws CceError when `inputShape` is not `[H, W, C]` of integers >= 1,
 *   or for a bad `numClasses`, `seed`, `widths`, `bnMomentum` or
 *   `bnEpsilon`.
 * @example
 * ```ts
 * const net = createVgg4({ inputShape: [32, 32, 3], numClasses: 10, seed: 0 });
 * net.numParams; // 1557066
 * ```
 */
export function createVgg4(options: Vgg4Options): Backbone {
  return buildVgg4(resolveVgg4Config(options), true);
}

/** Checks Vgg4 options and fills in the defaults. */
export function resolveVgg4Config(value: unknown): Vgg4Config {
  const common = resolveCommon(FN, value, true);
  const options = value as Vgg4Options;
  return {
    architecture: 'vgg4',
    ...common,
    widths: checkWidths(FN, options.widths ?? [64, 128, 256, 512]),
    ...resolveBatchNorm(FN, options),
  };
}

/** Builds a VGG4 from a checked config (also used by loading). */
export function buildVgg4(config: Vgg4Config, initialise: boolean): Backbone {
  const store = new ParameterStore(config.seed, initialise);
  const channels = [config.inputShape[2]!, ...config.widths];
  const blocks = config.widths.map((w, i) => {
    const prefix = `block${i + 1}`;
    return {
      kernel: store.add(
        `${prefix}/conv/kernel`,
        [3, 3, channels[i]!, w],
        'he-normal',
      ),
      bn: store.addBatchNorm(`${prefix}/bn`, w),
    };
  });
  const featureSize = config.widths[3];
  const head = store.add(
    'head/kernel',
    [featureSize, config.numClasses],
    'glorot-uniform',
  );
  const headBias = store.add('head/bias', [config.numClasses], 'zeros');

  return makeBackbone({
    config,
    entries: store.entries,
    featureSize,
    forward: (x, bn) => {
      let h = x as tf.Tensor4D;
      for (const block of blocks) {
        h = maxPool2(
          tf.relu(batchNorm(conv(h, block.kernel, 1), block.bn, bn)),
        );
      }
      const features = globalAveragePool(h);
      return { logits: dense(features, head, headBias), features };
    },
  });
}
