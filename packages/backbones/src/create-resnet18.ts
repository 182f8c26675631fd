// ResNet-18 (He et al., 2016) with the CIFAR stem: a 3×3 stride-1 stem
// convolution and no max-pool, then four stages of two basic blocks.
import * as tf from '@tensorflow/tfjs-core';
import { makeBackbone } from './internal/backbone.js';
import {
  type BatchNormSettings,
  batchNorm,
  conv,
  dense,
  globalAveragePool,
} from './internal/layers.js';
import { type BatchNormParams, ParameterStore } from './internal/params.js';
import {
  checkWidths,
  resolveBatchNorm,
  resolveCommon,
} from './internal/validate.js';
import type { Backbone, ResNet18Config, ResNet18Options } from './types.js';

const FN = 'createResNet18';

interface BasicBlock {
  stride: 1 | 2;
  conv1: tf.Variable;
  bn1: BatchNormParams;
  conv2: tf.Variable;
  bn2: BatchNormParams;
  shortcut?: { conv: tf.Variable; bn: BatchNormParams };
}

/**
 * Creates a ResNet-18 for `[H, W, C]` images with the CIFAR stem:
 * `conv 3×3 (C → w₁) → BN → ReLU`, then stages of widths w₁…w₄ with two
 * basic blocks each (`conv 3×3 → BN → ReLU → conv 3×3 → BN`, added to the
 * shortcut, then ReLU). The first block of stages 2–4 has stride 2 and a
 * `conv 1×1 (stride 2) → BN` projection shortcut. Global average pooling
 * and a dense head follow. Convolutions have no bias and 'same' padding
 * (TensorFlow's: on even sizes a stride-2 convolution pads one pixel at
 * the bottom/right only, where PyTorch pads both sides).
 *
 * Trainable parameters with the default widths [64, 128, 256, 512], C = 3
 * and K = 10: 11 173 962, the count of the usual CIFAR ResNet-18 (stem
 * 1856; stage 1: 147 968; stage 2: 525 568; stage 3: 2 099 712; stage 4:
 * 8 393 728; head 5130), plus 9600 moving statistics. Spatial output
 * `⌈H/8⌉ × ⌈W/8⌉`. Kernels He-normal (fan-in), head Glorot-uniform, from
 * the seed. Features: the pooled `[N, w₄]` vector.
 *
 * @param options - `{ inputShape: [H, W, C], numClasses, seed, widths =
 *   [64, 128, 256, 512], bnMomentum = 0.9, bnEpsilon = 1e-5 }`.
 * @returns a {@link Backbone}.
 * @remarks Limitation (L-001): stride-2 'same' padding is TensorFlow's,
 *   not PyTorch's, so PyTorch weights cannot be imported bit-for-bit.
 * @see arXiv:1512.03385 (ResNet); arXiv:2303.07321 (the clustering
 *   experiments this backbone serves).
 * @throws CceError when `inputShape` is not `[H, W, C]` of integers >= 1,
 *   or for a bad `numClasses`, `seed`, `widths`, `bnMomentum` or
 *   `bnEpsilon`.
 * @example
 * ```ts
 * const net = createResNet18({
 *   inputShape: [32, 32, 3],
 *   numClasses: 10,
 *   seed: 0,
 * });
 * net.numParams; // 11173962
 * ```
 */
export function createResNet18(options: ResNet18Options): Backbone {
  return buildResNet18(resolveResNet18Config(options), true);
}

/** Checks ResNet18 options and fills in the defaults. */
export function resolveResNet18Config(value: unknown): ResNet18Config {
  const common = resolveCommon(FN, value, true);
  const options = value as ResNet18Options;
  return {
    architecture: 'resnet18',
    ...common,
    widths: checkWidths(FN, options.widths ?? [64, 128, 256, 512]),
    ...resolveBatchNorm(FN, options),
  };
}

/** Builds a ResNet-18 from a checked config (also used by loading). */
export function buildResNet18(
  config: ResNet18Config,
  initialise: boolean,
): Backbone {
  const store = new ParameterStore(config.seed, initialise);
  const [w1] = config.widths;
  const stem = {
    conv: store.add(
      'stem/conv/kernel',
      [3, 3, config.inputShape[2]!, w1],
      'he-normal',
    ),
    bn: store.addBatchNorm('stem/bn', w1),
  };
  const blocks: BasicBlock[] = [];
  let cin = w1;
  config.widths.forEach((w, s) => {
    for (let b = 0; b < 2; b++) {
      const stride = s > 0 && b === 0 ? 2 : 1;
      blocks.push(
        addBlock(store, `stage${s + 1}/block${b + 1}`, cin, w, stride),
      );
      cin = w;
    }
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
      let h = tf.relu(
        batchNorm(conv(x as tf.Tensor4D, stem.conv, 1), stem.bn, bn),
      );
      for (const block of blocks) h = applyBlock(h, block, bn);
      const features = globalAveragePool(h);
      return { logits: dense(features, head, headBias), features };
    },
  });
}

function addBlock(
  store: ParameterStore,
  prefix: string,
  cin: number,
  cout: number,
  stride: 1 | 2,
): BasicBlock {
  const block: BasicBlock = {
    stride,
    conv1: store.add(`${prefix}/conv1/kernel`, [3, 3, cin, cout], 'he-normal'),
    bn1: store.addBatchNorm(`${prefix}/bn1`, cout),
    conv2: store.add(`${prefix}/conv2/kernel`, [3, 3, cout, cout], 'he-normal'),
    bn2: store.addBatchNorm(`${prefix}/bn2`, cout),
  };
  if (stride !== 1 || cin !== cout) {
    block.shortcut = {
      conv: store.add(
        `${prefix}/shortcut/conv/kernel`,
        [1, 1, cin, cout],
        'he-normal',
      ),
      bn: store.addBatchNorm(`${prefix}/shortcut/bn`, cout),
    };
  }
  return block;
}

/** `relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))`. */
function applyBlock(
  x: tf.Tensor4D,
  block: BasicBlock,
  bn: BatchNormSettings,
): tf.Tensor4D {
  const h = tf.relu(
    batchNorm(conv(x, block.conv1, block.stride), block.bn1, bn),
  );
  const residual = batchNorm(conv(h, block.conv2, 1), block.bn2, bn);
  const shortcut = block.shortcut
    ? batchNorm(
        conv(x, block.shortcut.conv, block.stride),
        block.shortcut.bn,
        bn,
      )
    : x;
  return tf.relu(tf.add<tf.Tensor4D>(residual, shortcut));
}
