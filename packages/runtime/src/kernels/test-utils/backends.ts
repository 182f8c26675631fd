// Test helpers: initialise the cpu and wasm backends once per test file and
// run one kernel on a chosen backend from plain arrays.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { RefCase } from './conv-reference.js';

export { tf };

/** Initialises both backends (wasm loads its binary once per process). */
export async function initBackends(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.setBackend('cpu');
}

export interface Dense {
  shape: number[];
  values: Float32Array;
}

/**
 * Runs kernel `name` through the engine on `backend` (so the engine's
 * checks apply) and returns its output as a plain array.
 */
export async function runKernelOn(
  backend: 'cpu' | 'wasm',
  name: string,
  inputs: Record<string, Dense>,
  attrs: NamedAttrMap,
): Promise<Dense> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const tensors: Record<string, tf.Tensor> = {};
    for (const [key, value] of Object.entries(inputs)) {
      tensors[key] = tf.tensor(value.values, value.shape, 'float32');
    }
    const out = tf.engine().runKernel(name, tensors, attrs) as tf.Tensor;
    return { shape: out.shape, values: out.dataSync() as Float32Array };
  });
}

/** NHWC → NCHW for a dense array. */
export function toChannelsFirst(d: Dense): Dense {
  const [n, h, w, c] = d.shape as [number, number, number, number];
  const out = new Float32Array(d.values.length);
  for (let b = 0; b < n; b++)
    for (let r = 0; r < h; r++)
      for (let t = 0; t < w; t++)
        for (let k = 0; k < c; k++)
          out[((b * c + k) * h + r) * w + t] = d.values[
            ((b * h + r) * w + t) * c + k
          ] as number;
  return { shape: [n, c, h, w], values: out };
}

/** NCHW → NHWC for a dense array. */
export function toChannelsLast(d: Dense): Dense {
  const [n, c, h, w] = d.shape as [number, number, number, number];
  const out = new Float32Array(d.values.length);
  for (let b = 0; b < n; b++)
    for (let k = 0; k < c; k++)
      for (let r = 0; r < h; r++)
        for (let t = 0; t < w; t++)
          out[((b * h + r) * w + t) * c + k] = d.values[
            ((b * c + k) * h + r) * w + t
          ] as number;
  return { shape: [n, h, w, c], values: out };
}

/** Filter shape with dilation made explicit: (k − 1)·d + 1 taps. */
export function expandedFilterShape(
  c: RefCase,
): [number, number, number, number] {
  const [kh, kw, ci, co] = c.filterShape;
  return [(kh - 1) * c.dilations[0] + 1, (kw - 1) * c.dilations[1] + 1, ci, co];
}

/** Inserts dilation − 1 zeros between filter taps. */
export function expandFilter(c: RefCase, filter: Float32Array): Float32Array {
  const [kh, kw, ci, co] = c.filterShape;
  const [, ew] = expandedFilterShape(c);
  const out = new Float32Array(expandedFilterShape(c).reduce((a, b) => a * b));
  const inner = ci * co;
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let k = 0; k < inner; k++)
        out[(i * c.dilations[0] * ew + j * c.dilations[1]) * inner + k] =
          filter[(i * kw + j) * inner + k] as number;
  return out;
}

/** Takes every dilation-th tap of a gradient for the expanded filter. */
export function sampleFilter(c: RefCase, expanded: Float32Array): Float32Array {
  const [kh, kw, ci, co] = c.filterShape;
  const [, ew] = expandedFilterShape(c);
  const out = new Float32Array(kh * kw * ci * co);
  const inner = ci * co;
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let k = 0; k < inner; k++)
        out[(i * kw + j) * inner + k] = expanded[
          (i * c.dilations[0] * ew + j * c.dilations[1]) * inner + k
        ] as number;
  return out;
}
