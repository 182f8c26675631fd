// Registration bookkeeping: which kernels are installed, that the stock ones
// come back, and that bad backend names are rejected.
import { getKernel } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { registerTrainingKernels } from './register-training-kernels.js';
import { restoreStockKernels } from './restore-stock-kernels.js';
import { tf } from './test-utils/backends.js';

const ALL = [
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
];

describe('registerTrainingKernels before the wasm backend exists', () => {
  // Runs first in this file: the wasm backend is not initialised yet.
  it('leaves a working stock Conv2DBackpropInput after restoring', async () => {
    registerTrainingKernels('wasm');
    await tf.setBackend('wasm'); // initialised while ours is registered
    restoreStockKernels('wasm');
    // No setBackend call now (it would rerun every kernel's setup itself).
    // dy = 1 everywhere, 1x1 filter of value 2, stride 1: dx = 2 everywhere.
    const out = tf.tidy(() =>
      tf.engine().runKernel(
        'Conv2DBackpropInput',
        { dy: tf.ones([1, 2, 2, 1]), filter: tf.fill([1, 1, 1, 1], 2) },
        {
          strides: 1,
          pad: 'valid',
          dataFormat: 'NHWC',
          inputShape: [1, 2, 2, 1],
        },
      ),
    ) as tf.Tensor;
    expect(out.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(out.dataSync())).toEqual([2, 2, 2, 2]);
    out.dispose();
  });
});

describe('registerTrainingKernels', () => {
  it('returns the four kernel names when the backend is wasm', () => {
    expect(registerTrainingKernels('wasm')).toEqual(ALL);
    for (const name of ALL) {
      expect(getKernel(name, 'wasm')?.kernelName).toBe(name);
    }
    restoreStockKernels('wasm');
  });

  it('returns the two conv2d kernel names when the backend is cpu', () => {
    expect(registerTrainingKernels('cpu')).toEqual(ALL.slice(0, 2));
    restoreStockKernels('cpu');
  });

  it.each(['webgl', 'tensorflow', '', undefined, 3])(
    'throws a CceError naming backendName when it is %s',
    (bad) => {
      expect(() => registerTrainingKernels(bad as 'cpu')).toThrow(
        /registerTrainingKernels: 'backendName' must be one of 'wasm', 'cpu'/,
      );
      expect(() => restoreStockKernels(bad as 'cpu')).toThrow(
        /restoreStockKernels: 'backendName' must be one of 'wasm', 'cpu'/,
      );
    },
  );
});

describe('restoreStockKernels', () => {
  it('puts back the very kernel objects that were registered before', () => {
    const before = ALL.map((name) => getKernel(name, 'cpu'));
    registerTrainingKernels('cpu');
    registerTrainingKernels('cpu'); // twice: the first saved kernels stay
    expect(getKernel('Conv2DBackpropFilter', 'cpu')).not.toBe(before[0]);
    expect(restoreStockKernels('cpu')).toEqual(ALL.slice(0, 2));
    ALL.forEach((name, i) => {
      expect(getKernel(name, 'cpu')).toBe(before[i]);
    });
  });

  it('returns an empty list when nothing is registered', () => {
    expect(restoreStockKernels('cpu')).toEqual([]);
  });

  it('removes the wasm filter gradient again because wasm has none', () => {
    const stockInput = getKernel('Conv2DBackpropInput', 'wasm');
    expect(getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    registerTrainingKernels('wasm');
    expect(getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(restoreStockKernels('wasm')).toEqual(ALL);
    expect(getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(
      getKernel('DepthwiseConv2dNativeBackpropInput', 'wasm'),
    ).toBeUndefined();
    expect(getKernel('Conv2DBackpropInput', 'wasm')).toBe(stockInput);
  });
});
