// Conv2DBackpropInput as one forward convolution of dy (zero-upsampled by the
// stride, then padded or cropped) with the spatially flipped, transposed
// filter (see the NOTE below).
import {
  Conv2DBackpropInput,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs-core';
import {
  type ConvGeometry,
  type ConvPad,
  checkDyShape,
  convGeometry,
} from './conv-geometry.js';
import { type KernelScope, withScope } from './kernel-scope.js';
import type {
  BackendLike,
  TensorInfo,
  TrainingKernelBackend,
} from './kernel-types.js';

/**
 * NOTE [input gradient as a convolution]
 * dx[n, r, t, c] = Σ_{i, j, o} dy[n, p, q, o] · w[i, j, c, o] over the taps
 * with r + padTop = p·s + i·d (and likewise for columns). Put s − 1 zeros
 * between the rows of dy (upsampling) and flip w in both spatial axes: dx is
 * then a stride-1, dilation-d convolution of the upsampled dy with
 * w' [kH, kW, O, C], padded above by (kH − 1)·d − padTop and below by
 * whatever makes the output exactly H rows tall. A negative padding means
 * those rows of dy are never read and are cropped instead.
 */
export function upsampleAndPad(
  scope: KernelScope,
  dy: TensorInfo, // [N, OH, OW, K]
  g: ConvGeometry,
): { input: TensorInfo; pad: [number, number, number, number] } | null {
  const [n, oh, ow, k] = dy.shape as [number, number, number, number];
  let up = dy;
  if (g.strideHeight > 1 || g.strideWidth > 1) {
    // LIMITATION(L-005): the zeros cost s² times the needed multiply-adds.
    // TODO(2027-03): split into s² sub-pixel convolutions and measure it on
    // ResNet-18's downsampling layers.
    // [N, OH, 1, OW, 1, K] padded to [N, OH, sH, OW, sW, K] puts the zeros
    // after each row and column; the trailing ones are harmless.
    const six = scope.run(
      'Reshape',
      { x: dy },
      { shape: [n, oh, 1, ow, 1, k] },
    );
    const padded = scope.run(
      'PadV2',
      { x: six },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, g.strideHeight - 1],
          [0, 0],
          [0, g.strideWidth - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    up = scope.run(
      'Reshape',
      { x: padded },
      {
        shape: [n, oh * g.strideHeight, ow * g.strideWidth, k],
      },
    );
  }
  const upHeight = up.shape[1] as number;
  const upWidth = up.shape[2] as number;
  const top = (g.filterHeight - 1) * g.dilationHeight - g.padTop;
  const left = (g.filterWidth - 1) * g.dilationWidth - g.padLeft;
  const bottom =
    g.inHeight + (g.filterHeight - 1) * g.dilationHeight - upHeight - top;
  const right =
    g.inWidth + (g.filterWidth - 1) * g.dilationWidth - upWidth - left;
  const cropTop = Math.max(0, -top);
  const cropLeft = Math.max(0, -left);
  const keepHeight = upHeight - cropTop - Math.max(0, -bottom);
  const keepWidth = upWidth - cropLeft - Math.max(0, -right);
  if (keepHeight <= 0 || keepWidth <= 0) {
    return null; // no output row or column reads dy
  }
  let input = up;
  if (keepHeight !== upHeight || keepWidth !== upWidth) {
    input = scope.run(
      'Slice',
      { x: up },
      {
        begin: [0, cropTop, cropLeft, 0],
        size: [n, keepHeight, keepWidth, k],
      },
    );
  }
  return {
    input,
    pad: [
      Math.max(0, top),
      Math.max(0, bottom),
      Math.max(0, left),
      Math.max(0, right),
    ],
  };
}

/** dx [N, H, W, C] for dy [N, OH, OW, O] and filter [kH, kW, C, O]. */
export function conv2dInputGradient(
  scope: KernelScope,
  dy: TensorInfo,
  filter: TensorInfo,
  g: ConvGeometry,
): TensorInfo {
  const upsampled = upsampleAndPad(scope, dy, g);
  if (upsampled == null) {
    return scope.run('Fill', [], {
      shape: [g.batch, g.inHeight, g.inWidth, g.inChannels],
      value: 0,
      dtype: 'float32',
    });
  }
  const { input, pad } = upsampled;
  const flipped = scope.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = scope.run(
    'Transpose',
    { x: flipped },
    { perm: [0, 1, 3, 2] },
  );
  return scope.run(
    'Conv2D',
    { x: input, filter: swapped },
    {
      strides: [1, 1],
      dilations: [g.dilationHeight, g.dilationWidth],
      pad: [
        [0, 0],
        [pad[0], pad[1]],
        [pad[2], pad[3]],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
}

interface InputAttrs {
  strides: number | number[];
  pad: ConvPad;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: number[];
  // LIMITATION(L-004): tfjs never sets this (its conv2d gradient refuses
  // dilation); honoured when a caller runs the kernel with it.
  dilations?: number | number[];
}

/**
 * Whether the composed convolution is used for this geometry; otherwise the
 * stock kernel runs. Measured (bench/kernel-table.ts): on wasm the composed form
 * is ~10× the stock kernel at stride 1 and ~2.7× at stride 2; on the plain
 * JS backend the stock loop is faster, so that backend keeps it (L-002).
 */
export type InputGradientPolicy = (g: ConvGeometry) => boolean;

function conv2dBackpropInput(
  backendName: TrainingKernelBackend,
  useComposed: InputGradientPolicy,
): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = attrs as unknown as InputAttrs;
    const channelsFirst = a.dataFormat === 'NCHW';
    const g = convGeometry({
      inShape: a.inputShape,
      filterShape: filter.shape,
      strides: a.strides,
      dilations: a.dilations,
      pad: a.pad,
      dimRoundingMode: a.dimRoundingMode,
      depthwise: false,
      channelsFirst,
    });
    checkDyShape(Conv2DBackpropInput, dy.shape, g, channelsFirst);
    const dilated = g.dilationHeight > 1 || g.dilationWidth > 1;
    return withScope(backend as BackendLike, backendName, (scope) => {
      if (!dilated && !useComposed(g)) {
        return scope.runStock(Conv2DBackpropInput, inputs as never, attrs);
      }
      const dyL = channelsFirst
        ? scope.run('Transpose', { x: dy }, { perm: [0, 2, 3, 1] })
        : dy;
      const dx = conv2dInputGradient(scope, dyL, filter, g);
      return channelsFirst
        ? scope.run('Transpose', { x: dx }, { perm: [0, 3, 1, 2] })
        : dx;
    });
  };
}

/** Our `Conv2DBackpropInput` kernel for `backendName`. */
export function conv2dBackpropInputConfig(
  backendName: TrainingKernelBackend,
  useComposed: InputGradientPolicy = () => true,
): KernelConfig {
  return {
    kernelName: Conv2DBackpropInput,
    backendName,
    kernelFunc: conv2dBackpropInput(backendName, useComposed),
  };
}
