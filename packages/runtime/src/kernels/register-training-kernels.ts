// Installs the fast convolution-gradient kernels on the WebAssembly or plain
// JS backend of TensorFlow.js (replacing, or adding, the stock ones).
import { CceError } from '@cce/errors';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter.js';
import { depthwiseBackpropInputConfig } from './depthwise-backprop-input.js';
import type { TrainingKernelBackend } from './kernel-types.js';
import { overrideKernel } from './stock-kernels.js';

const BACKENDS: readonly TrainingKernelBackend[] = ['wasm', 'cpu'];

/** Throws unless `backendName` is one the training kernels support. */
export function checkTrainingBackend(
  fn: string,
  backendName: unknown,
): asserts backendName is TrainingKernelBackend {
  if (!BACKENDS.includes(backendName as TrainingKernelBackend)) {
    throw new CceError({
      fn,
      argument: 'backendName',
      expected: "one of 'wasm', 'cpu'",
      received:
        typeof backendName === 'string'
          ? `'${backendName}'`
          : String(backendName),
    });
  }
}

/** The kernels installed on each backend. */
export function trainingKernelConfigs(
  backendName: TrainingKernelBackend,
): KernelConfig[] {
  if (backendName === 'wasm') {
    // LIMITATION(L-006): the depthwise gradients are composed, wasm only.
    return [
      conv2dBackpropFilterConfig('wasm'),
      conv2dBackpropInputConfig('wasm'),
      depthwiseBackpropFilterConfig('wasm'),
      depthwiseBackpropInputConfig('wasm'),
    ];
  }
  return [
    conv2dBackpropFilterConfig('cpu'),
    // LIMITATION(L-002): the stock JS input gradient beats the composed one,
    // so ours only takes over where the stock kernel cannot go (dilation).
    conv2dBackpropInputConfig('cpu', () => false),
  ];
}

/**
 * Registers fast training kernels for one TensorFlow.js backend.
 *
 * The WebAssembly backend ships no `Conv2DBackpropFilter` and no depthwise
 * gradients, and the plain JS backend's filter gradient runs at a few million
 * multiply-adds per second. Both gradients are rewritten as one forward
 * convolution each (the filter gradient over transposed, padded tensors with
 * dilation = stride; the input gradient over the zero-upsampled dy with the
 * flipped, transposed filter), so they run on the backend's fast `Conv2D`
 * (XNNPACK on wasm). Every stride, dilation, padding (`'same'`, `'valid'`,
 * a number, explicit) and rounding mode that `conv2d` accepts is covered,
 * NHWC and NCHW.
 *
 * Safe to call before or after the backend is initialised and more than
 * once; {@link restoreStockKernels} undoes it.
 *
 * @param backendName - `'wasm'` or `'cpu'`.
 * @returns The kernel names registered or replaced, e.g.
 *   `['Conv2DBackpropFilter', 'Conv2DBackpropInput', ...]`.
 * @throws CceError when `backendName` is not `'wasm'` or `'cpu'`.
 * @see https://www.tensorflow.org/api_docs/python/tf/nn/conv2d_transpose
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import '@tensorflow/tfjs-backend-wasm';
 * registerTrainingKernels('wasm');
 * // ['Conv2DBackpropFilter', 'Conv2DBackpropInput',
 * //  'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput']
 * await tf.setBackend('wasm');
 * ```
 */
export function registerTrainingKernels(
  backendName: TrainingKernelBackend,
): string[] {
  checkTrainingBackend('registerTrainingKernels', backendName);
  const configs = trainingKernelConfigs(backendName);
  for (const config of configs) {
    overrideKernel(config);
  }
  return configs.map((config) => config.kernelName);
}
