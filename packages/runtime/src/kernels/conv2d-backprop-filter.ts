// Conv2DBackpropFilter as one forward convolution: the filter gradient
// correlates the input with dy, which is a convolution with the batch and
// channel axes swapped and dilation = stride (see the NOTE below).
import {
  Conv2DBackpropFilter,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs-core';
import {
  type ConvGeometry,
  type ConvPad,
  checkDyShape,
  convGeometry,
  extentRead,
} from './conv-geometry.js';
import { type KernelScope, withScope } from './kernel-scope.js';
import type {
  BackendLike,
  TensorInfo,
  TrainingKernelBackend,
} from './kernel-types.js';

/**
 * NOTE [filter gradient as a convolution]
 * With x zero-padded by (padTop, padLeft), stride s and dilation d,
 *   dW[i, j, c, o] = Σ_{n, p, q} x[n, p·s + i·d, q·s + j·d, c] · dy[n, p, q, o].
 * Read x as a batch of `C` images with `N` channels, x' = x^T [C, H, W, N],
 * and dy as a filter dy' [OH, OW, N, O]; then dW^T [C, kH, kW, O] is the
 * forward convolution of x' with dy' at stride d and dilation s. The padded
 * x' must hold exactly `extentRead` rows: extra rows below are cropped, and
 * missing ones become bottom padding.
 */
export function conv2dFilterGradient(
  scope: KernelScope,
  x: TensorInfo, // [N, H, W, C]
  dy: TensorInfo, // [N, OH, OW, O]
  g: ConvGeometry,
): TensorInfo {
  const needHeight = extentRead(
    g.filterHeight,
    g.dilationHeight,
    g.outHeight,
    g.strideHeight,
  );
  const needWidth = extentRead(
    g.filterWidth,
    g.dilationWidth,
    g.outWidth,
    g.strideWidth,
  );
  const usedHeight = Math.min(g.inHeight, needHeight - g.padTop);
  const usedWidth = Math.min(g.inWidth, needWidth - g.padLeft);
  const filterShape = [
    g.filterHeight,
    g.filterWidth,
    g.inChannels,
    g.outChannels,
  ];
  if (usedHeight <= 0 || usedWidth <= 0) {
    // Only padding is ever read: the gradient is zero.
    return scope.run('Fill', [], {
      shape: filterShape,
      value: 0,
      dtype: 'float32',
    });
  }

  let xUsed = x;
  if (usedHeight < g.inHeight || usedWidth < g.inWidth) {
    xUsed = scope.run(
      'Slice',
      { x },
      {
        begin: [0, 0, 0, 0],
        size: [g.batch, usedHeight, usedWidth, g.inChannels],
      },
    );
  }
  // LIMITATION(L-001): these copies and XNNPACK's packing of dy' as a new
  // filter on every call make this ~half as fast as a forward convolution.
  const xT = scope.run('Transpose', { x: xUsed }, { perm: [3, 1, 2, 0] });
  const dyT = scope.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const padBottom = needHeight - g.padTop - usedHeight;
  const padRight = needWidth - g.padLeft - usedWidth;
  const dwT = scope.run(
    'Conv2D',
    { x: xT, filter: dyT },
    {
      strides: [g.dilationHeight, g.dilationWidth],
      dilations: [g.strideHeight, g.strideWidth],
      pad: [
        [0, 0],
        [g.padTop, padBottom],
        [g.padLeft, padRight],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  ); // [C, kH, kW, O]
  return scope.run('Transpose', { x: dwT }, { perm: [1, 2, 0, 3] });
}

interface FilterAttrs {
  strides: number | number[];
  pad: ConvPad;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: number[];
  // LIMITATION(L-004): tfjs never sets this (its conv2d gradient refuses
  // dilation); honoured when a caller runs the kernel with it.
  dilations?: number | number[];
}

function conv2dBackpropFilter(backendName: TrainingKernelBackend): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const a = attrs as unknown as FilterAttrs;
    const channelsFirst = a.dataFormat === 'NCHW';
    const g = convGeometry({
      inShape: x.shape,
      filterShape: a.filterShape,
      strides: a.strides,
      dilations: a.dilations,
      pad: a.pad,
      dimRoundingMode: a.dimRoundingMode,
      depthwise: false,
      channelsFirst,
    });
    checkDyShape(Conv2DBackpropFilter, dy.shape, g, channelsFirst);
    return withScope(backend as BackendLike, backendName, (scope) => {
      const toLast = { perm: [0, 2, 3, 1] };
      const xL = channelsFirst ? scope.run('Transpose', { x }, toLast) : x;
      const dyL = channelsFirst
        ? scope.run('Transpose', { x: dy }, toLast)
        : dy;
      return conv2dFilterGradient(scope, xL, dyL, g);
    });
  };
}

/** Our `Conv2DBackpropFilter` kernel for `backendName`. */
export function conv2dBackpropFilterConfig(
  backendName: TrainingKernelBackend,
): KernelConfig {
  return {
    kernelName: Conv2DBackpropFilter,
    backendName,
    kernelFunc: conv2dBackpropFilter(backendName),
  };
}
