// Picks the demo's TensorFlow.js backend in the browser: @cce/runtime first
// initialises the plain JS backend (which also registers every gradient),
// then WebGL is tried and kept when it really computes.
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';

/** The backend the demo runs on and why. */
export interface DemoBackend {
  name: 'webgl' | 'cpu';
  reason: string;
}

/**
 * Resolves to `webgl` when the WebGL backend loads and computes `1 + 1`,
 * else to `cpu`. `preferCpu` skips WebGL (the `?backend=cpu` query).
 */
export async function chooseBackend(preferCpu = false): Promise<DemoBackend> {
  await initRuntime({ backend: 'cpu' });
  if (preferCpu) return { name: 'cpu', reason: 'requested' };
  try {
    await import('@tensorflow/tfjs-backend-webgl');
    if (!(await tf.setBackend('webgl'))) {
      await tf.setBackend('cpu');
      return { name: 'cpu', reason: 'WebGL is not available here' };
    }
    const two = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
    if (two[0] !== 2) throw new Error(`1 + 1 gave ${two[0]}`);
    return { name: 'webgl', reason: 'WebGL loaded' };
  } catch (error) {
    await tf.setBackend('cpu');
    const why = error instanceof Error ? error.message : String(error);
    return { name: 'cpu', reason: `WebGL failed: ${why}` };
  }
}
