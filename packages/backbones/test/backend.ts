// Test helpers: initialise a backend through @cce/runtime (all gradients
// plus its convolution-gradient kernels), convert tensors for comparisons.
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import type { Arr } from './reference.js';

export async function useBackend(backend: 'cpu' | 'wasm'): Promise<void> {
  await initRuntime({ backend });
}

export function toTensor(x: Arr): tf.Tensor {
  return tf.tensor(Float32Array.from(x.data), x.shape, 'float32');
}

/** Largest |a − b| over the arrays, after checking equal lengths. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new Error(`length ${a.length} differs from ${b.length}`);
  }
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return worst;
}

export function maxAbs(a: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]!));
  return worst;
}
