// DepthwiseConv2dNativeBackpropInput as one depthwise convolution of the
// upsampled dy with the flipped filter, summed over the channel multiplier.
import {
  DepthwiseConv2dNativeBackpropInput,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs-core';
import { type ConvPad, checkDyShape, convGeometry } from './conv-geometry.js';
import { upsampleAndPad } from './conv2d-backprop-input.js';
import { withScope } from './kernel-scope.js';
import type {
  BackendLike,
  TensorInfo,
  TrainingKernelBackend,
} from './kernel-types.js';

interface DepthwiseInputAttrs {
  strides: number | number[];
  dilations?: number | number[];
  pad: ConvPad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: number[];
}

/**
 * Same algebra as NOTE [input gradient as a convolution], channel by
 * channel: output channel c·M + m of the forward pass only reads input
 * channel c, so a depthwise convolution (multiplier 1) of the upsampled dy
 * [N, ·, ·, C·M] with the flipped filter [kH, kW, C·M, 1] gives every
 * channel's share, and summing the M shares of each input channel gives dx.
 */
function depthwiseBackpropInput(
  backendName: TrainingKernelBackend,
): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = attrs as unknown as DepthwiseInputAttrs;
    const g = convGeometry({
      inShape: a.inputShape,
      filterShape: filter.shape,
      strides: a.strides,
      dilations: a.dilations,
      pad: a.pad,
      dimRoundingMode: a.dimRoundingMode,
      depthwise: true,
      channelsFirst: false,
    });
    checkDyShape(DepthwiseConv2dNativeBackpropInput, dy.shape, g, false);
    const [kh, kw, c, m] = filter.shape as [number, number, number, number];
    return withScope(backend as BackendLike, backendName, (scope) => {
      const upsampled = upsampleAndPad(scope, dy, g);
      if (upsampled == null) {
        return scope.run('Fill', [], {
          shape: [g.batch, g.inHeight, g.inWidth, c],
          value: 0,
          dtype: 'float32',
        });
      }
      const { input, pad } = upsampled;
      const flipped = scope.run('Reverse', { x: filter }, { dims: [0, 1] });
      const perChannel = scope.run(
        'Reshape',
        { x: flipped },
        {
          shape: [kh, kw, c * m, 1],
        },
      );
      const shares = scope.run(
        'DepthwiseConv2dNative',
        { x: input, filter: perChannel },
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
      ); // [N, H, W, C·M]
      if (m === 1) {
        return shares;
      }
      const split = scope.run(
        'Reshape',
        { x: shares },
        {
          shape: [g.batch, g.inHeight, g.inWidth, c, m],
        },
      );
      return scope.run('Sum', { x: split }, { axis: [4], keepDims: false });
    });
  };
}

/** Our `DepthwiseConv2dNativeBackpropInput` kernel for `backendName`. */
export function depthwiseBackpropInputConfig(
  backendName: TrainingKernelBackend,
): KernelConfig {
  return {
    kernelName: DepthwiseConv2dNativeBackpropInput,
    backendName,
    kernelFunc: depthwiseBackpropInput(backendName),
  };
}
