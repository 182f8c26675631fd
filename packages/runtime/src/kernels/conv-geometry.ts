// Normalised channels-last geometry of a 2-D convolution, read from the
// attributes tfjs passes to its convolution gradient kernels.
import { CceError, formatShape } from '@cce/errors';
import { backend_util } from '@tensorflow/tfjs-core';
import type { ExplicitPadding } from './kernel-types.js';

/** Padding as the tfjs convolution ops accept it. */
export type ConvPad = 'valid' | 'same' | number | ExplicitPadding;

/** Every size a convolution gradient needs, channels-last. */
export interface ConvGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  /** Zero rows added above the input (the ones below follow from the rest). */
  padTop: number;
  /** Zero columns added left of the input. */
  padLeft: number;
}

/** Arguments of {@link convGeometry}, as found in kernel attributes. */
export interface ConvGeometryArgs {
  inShape: readonly number[];
  filterShape: readonly number[];
  strides: number | readonly number[];
  dilations: number | readonly number[] | undefined;
  pad: ConvPad;
  dimRoundingMode: 'floor' | 'round' | 'ceil' | undefined;
  depthwise: boolean;
  channelsFirst: boolean;
}

/**
 * Computes the geometry with tfjs's own `computeConv2DInfo`, so output sizes,
 * `'same'` padding and rounding agree with the forward convolution exactly.
 */
export function convGeometry(args: ConvGeometryArgs): ConvGeometry {
  // LIMITATION(L-003): for a numeric pad tfjs sizes the width with the
  // filter height and stride height; we follow it to match its forward pass.
  const info = backend_util.computeConv2DInfo(
    [...args.inShape] as [number, number, number, number],
    [...args.filterShape] as [number, number, number, number],
    pair(args.strides),
    pair(args.dilations ?? 1),
    args.pad as Parameters<typeof backend_util.computeConv2DInfo>[4],
    args.dimRoundingMode,
    args.depthwise,
    args.channelsFirst ? 'channelsFirst' : 'channelsLast',
  );
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

function pair(value: number | readonly number[]): [number, number] {
  if (typeof value === 'number') {
    return [value, value];
  }
  return [value[0] ?? 1, value[1] ?? value[0] ?? 1];
}

/**
 * How many rows (or columns) of the zero-padded input a convolution reads:
 * `(k - 1)·dilation + (out - 1)·stride + 1`.
 */
export function extentRead(
  filterSize: number,
  dilation: number,
  outSize: number,
  stride: number,
): number {
  return (filterSize - 1) * dilation + (outSize - 1) * stride + 1;
}

/**
 * Throws unless `dy` has the shape the forward convolution produces
 * ([N, OH, OW, K], or [N, K, OH, OW] channels-first); a mismatch would make
 * the wasm kernels read out of bounds.
 */
export function checkDyShape(
  kernelName: string,
  dyShape: readonly number[],
  g: ConvGeometry,
  channelsFirst: boolean,
): void {
  const expected = channelsFirst
    ? [g.batch, g.outChannels, g.outHeight, g.outWidth]
    : [g.batch, g.outHeight, g.outWidth, g.outChannels];
  if (
    dyShape.length !== 4 ||
    expected.some((size, axis) => size !== dyShape[axis])
  ) {
    throw new CceError({
      fn: kernelName,
      argument: 'dy',
      expected: `shape ${formatShape(expected)} (the forward output)`,
      received: formatShape(dyShape),
    });
  }
}
