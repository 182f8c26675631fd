import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { installFastMatMul } from './fast-matmul.js';

beforeAll(async () => {
  await initRuntime({ backend: 'wasm' });
  installFastMatMul();
});

// Plain float64 product of row-major matrices with optional transposes.
function reference(
  a: number[][],
  b: number[][],
  transposeA: boolean,
  transposeB: boolean,
): number[][] {
  const t = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));
  const x = transposeA ? t(a) : a;
  const y = transposeB ? t(b) : b;
  return x.map((row) =>
    y[0]!.map((_, j) => row.reduce((s, v, k) => s + v * y[k]![j]!, 0)),
  );
}

const a = [
  [1, 2, 3],
  [4, 5, 6],
];
const b = [
  [1, -1],
  [0.5, 2],
  [3, 0],
];

describe('installFastMatMul', () => {
  it.each([
    [false, false, a, b],
    [
      true,
      false,
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      b,
    ],
    [
      false,
      true,
      a,
      [
        [1, 0.5, 3],
        [-1, 2, 0],
      ],
    ],
    [
      true,
      true,
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [1, 0.5, 3],
        [-1, 2, 0],
      ],
    ],
  ])(
    'multiplies like the float64 reference when transposeA=%s, transposeB=%s',
    (ta, tb, x, y) => {
      const before = tf.memory().numTensors;
      const out = tf.matMul(tf.tensor2d(x), tf.tensor2d(y), ta, tb);
      const want = reference(x, y, ta, tb);
      expect(out.shape).toEqual([want.length, want[0]!.length]);
      const got = out.arraySync() as number[][];
      got.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i]!, 5));
      tf.dispose(out);
      // Inputs (2) leak by design of this test; nothing else may.
      expect(tf.memory().numTensors - before).toBe(2);
    },
  );

  it('multiplies batched rank-3 operands when transposeA is set', () => {
    const x = tf.tensor3d([...a.flat(), ...a.flat().map((v) => -v)], [2, 2, 3]);
    const y = tf.tensor3d([1, 0, 0, 1, 2, 0, 0, 2], [2, 2, 2]);
    const out = tf.matMul(x, y, true, false).arraySync() as number[][][];
    expect(out[0]).toEqual(
      reference(
        a,
        [
          [1, 0],
          [0, 1],
        ],
        true,
        false,
      ),
    );
    expect(out[1]).toEqual(
      reference(
        a.map((r) => r.map((v) => -v)),
        [
          [2, 0],
          [0, 2],
        ],
        true,
        false,
      ),
    );
  });
});
