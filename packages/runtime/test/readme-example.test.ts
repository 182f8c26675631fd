// Runs the README example, so the documented backend, shapes and kernel
// names cannot drift from the code. The gradient is checked against the
// closed form: d/dw sum(conv2d(x, w)) is a sum of input patches.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getRuntimeInfo, initRuntime, nextSeed } from '../src/index.js';

describe('README example', () => {
  it('trains a convolution on wasm when run as written', async () => {
    const lines: string[] = [];
    const backend = await initRuntime({
      backend: 'wasm',
      seed: 7,
      logger: (line) => lines.push(line),
    });
    expect(backend).toBe('wasm');
    expect(lines).toEqual([expect.stringMatching(/^\[runtime\] backend=wasm/)]);

    const x = tf.randomNormal<tf.Rank.R4>(
      [2, 8, 8, 3],
      0,
      1,
      'float32',
      nextSeed(),
    );
    const w = tf.variable(
      tf.randomNormal<tf.Rank.R4>([3, 3, 3, 4], 0, 0.1, 'float32', nextSeed()),
    );
    const grads = tf.variableGrads(() => tf.sum(tf.conv2d(x, w, 1, 'same')));
    const g = grads.grads[w.name]!;
    expect(g.shape).toEqual([3, 3, 3, 4]);
    expect(getRuntimeInfo()?.trainingKernels).toContain('Conv2DBackpropFilter');

    // Closed form in float64: dL/dw[a,b,c,o] = Σ_{n,i,j} xpad[n,i+a,j+b,c].
    const xs = x.arraySync() as number[][][][];
    const got = g.arraySync() as number[][][][];
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        for (let c = 0; c < 3; c++) {
          let want = 0;
          for (let n = 0; n < 2; n++) {
            for (let i = 0; i < 8; i++) {
              for (let j = 0; j < 8; j++) {
                const r = i + a - 1;
                const s = j + b - 1;
                if (r >= 0 && r < 8 && s >= 0 && s < 8) {
                  want += xs[n]![r]![s]![c]!;
                }
              }
            }
          }
          for (let o = 0; o < 4; o++) {
            expect(got[a]![b]![c]![o]!).toBeCloseTo(want, 3);
          }
        }
      }
    }
    tf.dispose([x, w, g]);
  });
});
