import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictionFairness } from './prediction-fairness.js';

beforeAll(async () => {
  await initRuntime({ backend: 'cpu' });
});

// Float64 reference: KL(u ‖ mean_i softmax(l_i)).
function reference(logits: number[][]): number {
  const k = logits[0]!.length;
  const mean = new Array<number>(k).fill(0);
  for (const row of logits) {
    const m = Math.max(...row);
    const z = row.reduce((s, v) => s + Math.exp(v - m), 0);
    row.forEach((v, c) => {
      mean[c]! += Math.exp(v - m) / z / logits.length;
    });
  }
  return -Math.log(k) - mean.reduce((s, p) => s + Math.log(p), 0) / k;
}

describe('predictionFairness', () => {
  it('is 0 when the batch uses the classes equally', () => {
    const value = predictionFairness(
      tf.tensor2d([
        [5, 0],
        [0, 5],
      ]),
    );
    expect(value.shape).toEqual([]);
    expect(value.dataSync()[0]).toBeCloseTo(0, 6);
  });

  it('matches a float64 reference when the batch is unbalanced', () => {
    const logits = [
      [2, 0, -1],
      [0, 1, 0],
      [3, -2, 0.5],
    ];
    const got = predictionFairness(tf.tensor2d(logits)).dataSync()[0]!;
    expect(got).toBeCloseTo(reference(logits), 5);
  });

  it('matches central finite differences of the reference', () => {
    const logits = [
      [2, 0, -1],
      [0, 1, 0],
    ];
    const grad = tf
      .grad((l: tf.Tensor) => predictionFairness(l as tf.Tensor2D))(
        tf.tensor2d(logits),
      )
      .arraySync() as number[][];
    const h = 1e-5;
    for (let i = 0; i < 2; i++) {
      for (let c = 0; c < 3; c++) {
        const up = logits.map((r) => [...r]);
        const down = logits.map((r) => [...r]);
        up[i]![c]! += h;
        down[i]![c]! -= h;
        const fd = (reference(up) - reference(down)) / (2 * h);
        expect(grad[i]![c]!).toBeCloseTo(fd, 4);
      }
    }
  });

  it('raises the logits of a cluster no example predicts', () => {
    const grad = tf
      .grad((l: tf.Tensor) => predictionFairness(l as tf.Tensor2D))(
        tf.tensor2d([
          [4, 0, -8],
          [0, 4, -8],
        ]),
      )
      .arraySync() as number[][];
    expect(grad[0]![2]!).toBeLessThan(0);
    expect(grad[1]![2]!).toBeLessThan(0);
  });
});
