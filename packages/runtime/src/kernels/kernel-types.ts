// Small structural types shared by the training kernels; they mirror the
// ones tfjs-core uses internally without importing its private paths.
import type { DataId, TensorInfo } from '@tensorflow/tfjs-core';

/** `[[0, 0], [top, bottom], [left, right], [0, 0]]` (or NCHW order). */
export type ExplicitPadding = [
  [number, number],
  [number, number],
  [number, number],
  [number, number],
];

/** The part of a tfjs `KernelBackend` the training kernels use. */
export interface BackendLike {
  disposeData(dataId: DataId, force?: boolean): boolean;
}

/** Backends the training kernels are written for. */
export type TrainingKernelBackend = 'wasm' | 'cpu';

export type { TensorInfo };
