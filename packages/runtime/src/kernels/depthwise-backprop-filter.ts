// DepthwiseConv2dNativeBackpropFilter composed from strided slices,
// products and sums: one pass over dy per filter tap.
import {
  DepthwiseConv2dNativeBackpropFilter,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs-core';
import {
  type ConvPad,
  checkDyShape,
  convGeometry,
  extentRead,
} from './conv-geometry.js';
import { withScope } from './kernel-scope.js';
import type {
  BackendLike,
  TensorInfo,
  TrainingKernelBackend,
} from './kernel-types.js';

interface DepthwiseFilterAttrs {
  strides: number | number[];
  dilations?: number | number[];
  pad: ConvPad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: number[];
}

/**
 * dW[i, j, c, m] = Σ_{n, p, q} xpad[n, p·s + i·d, q·s + j·d, c] ·
 * dy[n, p, q, c·M + m]: for each tap (i, j) a strided slice of the padded
 * input times dy, summed over batch and space. The work equals the direct
 * loop's (kH·kW·N·OH·OW·C·M products); it runs as memory-bound passes.
 */
function depthwiseBackpropFilter(
  backendName: TrainingKernelBackend,
): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const a = attrs as unknown as DepthwiseFilterAttrs;
    const g = convGeometry({
      inShape: x.shape,
      filterShape: a.filterShape,
      strides: a.strides,
      dilations: a.dilations,
      pad: a.pad,
      dimRoundingMode: a.dimRoundingMode,
      depthwise: true,
      channelsFirst: false,
    });
    checkDyShape(DepthwiseConv2dNativeBackpropFilter, dy.shape, g, false);
    const [kh, kw, c, m] = a.filterShape as [number, number, number, number];
    return withScope(backend as BackendLike, backendName, (scope) => {
      const needHeight = extentRead(
        kh,
        g.dilationHeight,
        g.outHeight,
        g.strideHeight,
      );
      const needWidth = extentRead(
        kw,
        g.dilationWidth,
        g.outWidth,
        g.strideWidth,
      );
      // Pad (or crop) x so that exactly needHeight × needWidth are present.
      const usedHeight = Math.min(g.inHeight, needHeight - g.padTop);
      const usedWidth = Math.min(g.inWidth, needWidth - g.padLeft);
      if (usedHeight <= 0 || usedWidth <= 0) {
        return scope.run('Fill', [], {
          shape: [kh, kw, c, m],
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
            size: [g.batch, usedHeight, usedWidth, c],
          },
        );
      }
      const xPad = scope.run(
        'PadV2',
        { x: xUsed },
        {
          paddings: [
            [0, 0],
            [g.padTop, needHeight - g.padTop - usedHeight],
            [g.padLeft, needWidth - g.padLeft - usedWidth],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      const dyTaps =
        m === 1
          ? dy
          : scope.run(
              'Reshape',
              { x: dy },
              {
                shape: [g.batch, g.outHeight, g.outWidth, c, m],
              },
            );
      const taps: TensorInfo[] = [];
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          const top = i * g.dilationHeight;
          const left = j * g.dilationWidth;
          let window = scope.run(
            'StridedSlice',
            { x: xPad },
            {
              begin: [0, top, left, 0],
              end: [
                g.batch,
                top + (g.outHeight - 1) * g.strideHeight + 1,
                left + (g.outWidth - 1) * g.strideWidth + 1,
                c,
              ],
              strides: [1, g.strideHeight, g.strideWidth, 1],
              beginMask: 0,
              endMask: 0,
              ellipsisMask: 0,
              newAxisMask: 0,
              shrinkAxisMask: 0,
            },
          ); // [N, OH, OW, C]
          if (m > 1) {
            window = scope.run(
              'Reshape',
              { x: window },
              {
                shape: [g.batch, g.outHeight, g.outWidth, c, 1],
              },
            );
          }
          const product = scope.run('Multiply', { a: window, b: dyTaps });
          const tap = scope.run(
            'Sum',
            { x: product },
            {
              axis: [0, 1, 2],
              keepDims: false,
            },
          ); // [C, M] or [C]
          taps.push(scope.run('Reshape', { x: tap }, { shape: [1, c * m] }));
        }
      }
      const stacked =
        taps.length === 1
          ? (taps[0] as TensorInfo)
          : scope.run('Concat', taps, { axis: 0 });
      return scope.run('Reshape', { x: stacked }, { shape: [kh, kw, c, m] });
    });
  };
}

/** Our `DepthwiseConv2dNativeBackpropFilter` kernel for `backendName`. */
export function depthwiseBackpropFilterConfig(
  backendName: TrainingKernelBackend,
): KernelConfig {
  return {
    kernelName: DepthwiseConv2dNativeBackpropFilter,
    backendName,
    kernelFunc: depthwiseBackpropFilter(backendName),
  };
}
