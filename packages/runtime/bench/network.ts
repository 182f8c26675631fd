// The benchmark's small VGG-style network (conv-conv-pool-conv-conv-pool-
// dense, softmax cross entropy) and its analytic FLOP count.
import * as tf from '@tensorflow/tfjs-core';

/** Sizes of the network; the full benchmark uses {@link FULL_NET}. */
export interface NetSpec {
  size: number; // input is size × size × 1
  channels: [number, number, number, number];
  classes: number;
}

export const FULL_NET: NetSpec = {
  size: 28,
  channels: [32, 32, 64, 64],
  classes: 10,
};
/** `--quick`: the same layout, 8× fewer channels on 12×12 inputs. */
export const QUICK_NET: NetSpec = {
  size: 12,
  channels: [4, 4, 8, 8],
  classes: 10,
};

interface ConvLayer {
  inSize: number;
  inChannels: number;
  outChannels: number;
  /** The first layer's input is the image: no input gradient is computed. */
  needsInputGradient: boolean;
}

/** The four 3×3 'same' convolutions, in order. */
export function convLayers(spec: NetSpec): ConvLayer[] {
  const [c1, c2, c3, c4] = spec.channels;
  const half = spec.size / 2;
  return [
    {
      inSize: spec.size,
      inChannels: 1,
      outChannels: c1,
      needsInputGradient: false,
    },
    {
      inSize: spec.size,
      inChannels: c1,
      outChannels: c2,
      needsInputGradient: true,
    },
    { inSize: half, inChannels: c2, outChannels: c3, needsInputGradient: true },
    { inSize: half, inChannels: c3, outChannels: c4, needsInputGradient: true },
  ];
}

function denseInputs(spec: NetSpec): number {
  const quarter = spec.size / 4;
  return quarter * quarter * spec.channels[3];
}

/**
 * FLOPs of one forward + backward pass for one image, counted per op as
 * 2 × multiply-adds of each convolution and matrix product:
 * forward conv 2·H·W·9·Cin·Cout; backward adds the filter gradient (same
 * count) and the input gradient (same count, except for the first layer,
 * whose input needs none); the dense layer likewise. Bias, ReLU, pooling
 * and the loss are not counted (a few percent of the work, memory-bound).
 */
export function flopsPerImage(spec: NetSpec): {
  forward: number;
  backward: number;
} {
  let forward = 0;
  let backward = 0;
  for (const l of convLayers(spec)) {
    const macs = l.inSize * l.inSize * 9 * l.inChannels * l.outChannels;
    forward += 2 * macs;
    backward += 2 * macs * (l.needsInputGradient ? 2 : 1);
  }
  const denseMacs = denseInputs(spec) * spec.classes;
  forward += 2 * denseMacs;
  backward += 2 * denseMacs * 2;
  return { forward, backward };
}

/** Variables of the network, He-initialised with a fixed seed. */
export function makeNet(spec: NetSpec, seed: number): tf.Variable[] {
  const vars: tf.Variable[] = [];
  let s = seed;
  for (const l of convLayers(spec)) {
    const std = Math.sqrt(2 / (9 * l.inChannels));
    vars.push(
      tf.variable(
        tf.truncatedNormal(
          [3, 3, l.inChannels, l.outChannels],
          0,
          std,
          'float32',
          s++,
        ),
      ),
      tf.variable(tf.zeros([l.outChannels])),
    );
  }
  const n = denseInputs(spec);
  vars.push(
    tf.variable(
      tf.truncatedNormal(
        [n, spec.classes],
        0,
        Math.sqrt(1 / n),
        'float32',
        s++,
      ),
    ),
    tf.variable(tf.zeros([spec.classes])),
  );
  return vars;
}

/** Softmax cross-entropy of the network on a batch. */
export function netLoss(
  spec: NetSpec,
  vars: tf.Variable[],
  x: tf.Tensor4D,
  onehot: tf.Tensor2D,
): tf.Scalar {
  const v = (i: number) => vars[i] as tf.Variable;
  const conv = (h: tf.Tensor4D, i: number) =>
    tf.relu(
      tf.add(tf.conv2d(h, v(2 * i) as tf.Tensor4D, 1, 'same'), v(2 * i + 1)),
    ) as tf.Tensor4D;
  let h = conv(conv(x, 0), 1);
  h = tf.maxPool(h, 2, 2, 'valid');
  h = conv(conv(h, 2), 3);
  h = tf.maxPool(h, 2, 2, 'valid');
  const flat = tf.reshape(h, [x.shape[0], denseInputs(spec)]);
  const logits = tf.add(tf.matMul(flat, v(8) as tf.Tensor2D), v(9));
  return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
}
