// Test helpers: backend switching, a seeded generator for inputs, and plain
// float64 building blocks (softmax, logsumexp, finite differences) that the
// per-loss references in the test files are written with.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { afterAll, beforeAll, expect } from 'vitest';

export type Matrix = number[][];

/** Backends the property suites run on (both are cheap at test sizes). */
export const BACKENDS = ['cpu', 'wasm'] as const;

/** Switches the suite to `backend` and back to cpu afterwards. */
export function useBackend(backend: (typeof BACKENDS)[number]): void {
  beforeAll(async () => {
    await initRuntime({ backend, seed: 0 });
    expect(tf.getBackend()).toBe(backend);
  });
  afterAll(async () => {
    await initRuntime({ backend: 'cpu', seed: 0 });
  });
}

/** mulberry32: a small deterministic generator in [0, 1). */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logits with entries uniform in [−scale, scale]. */
export function randomLogits(
  rng: () => number,
  n: number,
  k: number,
  scale = 3,
): Matrix {
  return Array.from({ length: n }, () =>
    Array.from({ length: k }, () => (2 * rng() - 1) * scale),
  );
}

/**
 * Rows on the simplex, as float32-representable numbers; with
 * `zeroFraction` that share of entries (never a whole row) is exactly 0.
 */
export function randomSimplex(
  rng: () => number,
  n: number,
  k: number,
  zeroFraction = 0,
): Matrix {
  return Array.from({ length: n }, () => {
    const keep = Math.floor(rng() * k);
    const raw = Array.from({ length: k }, (_, j) =>
      j !== keep && rng() < zeroFraction ? 0 : -Math.log(1 - rng() + 1e-12),
    );
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => Math.fround(v / sum));
  });
}

/** A one-hot matrix for `labels`. */
export function oneHot(labels: readonly number[], k: number): Matrix {
  return labels.map((t) =>
    Array.from({ length: k }, (_, j) => (j === t ? 1 : 0)),
  );
}

/** float64 logsumexp of a row. */
export function logSumExp64(row: readonly number[]): number {
  const max = Math.max(...row);
  if (max === -Infinity) return -Infinity;
  return max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
}

/** float64 log-softmax of a row. */
export function logSoftmax64(row: readonly number[]): number[] {
  const lse = logSumExp64(row);
  return row.map((v) => v - lse);
}

/** float64 softmax of a row. */
export function softmax64(row: readonly number[]): number[] {
  return logSoftmax64(row).map(Math.exp);
}

/** Mean of per-example values. */
export function mean64(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * float64 central finite differences of a scalar function of a matrix,
 * step `h` per entry.
 */
export function finiteDifferences(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  return x.map((row, i) =>
    row.map((_, j) => {
      const plus = x.map((r) => [...r]);
      const minus = x.map((r) => [...r]);
      (plus[i] as number[])[j] = (row[j] as number) + h;
      (minus[i] as number[])[j] = (row[j] as number) - h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}

/** A float32 tensor from a matrix. */
export function t2(x: Matrix): Tensor2D {
  return tf.tensor2d(x, undefined, 'float32');
}

/** Reads a tensor back as nested numbers, after checking its shape. */
export function read(x: Tensor, shape: readonly number[]): number[] {
  expect(x.shape).toEqual(shape);
  return Array.from(x.dataSync());
}

/** Elementwise `|a − e| <= abs + rel·|e|`, reporting the first miss. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  abs: number,
  rel = 0,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i += 1) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    const tol = abs + rel * Math.abs(e);
    if (!(Math.abs(a - e) <= tol)) {
      expect.fail(`entry ${i}: got ${a}, expected ${e} within ${tol}`);
    }
  }
}

/** Flattens a matrix. */
export function flat(x: Matrix): number[] {
  return x.flat();
}

/** `tf.grad` of a scalar loss w.r.t. float32 logits built from a matrix. */
export function gradOf(
  f: (logits: Tensor2D) => Tensor,
  logits: Matrix,
): Tensor {
  return tf.grad((l: Tensor) => f(l as Tensor2D))(t2(logits));
}
