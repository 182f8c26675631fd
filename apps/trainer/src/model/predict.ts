// Inference over a whole split in batches: softmax probabilities and
// argmax cluster ids, with the backbone in inference mode.
import * as tf from '@tensorflow/tfjs-core';
import type { Backbone } from '@cce/backbones';
import { gatherRows } from '@cce/datasets';

/** Predictions for n examples. */
export interface Predictions {
  /** `[n, K]` softmax rows. */
  probs: Float32Array;
  /** `[n]` argmax ids. */
  labels: Int32Array;
  /** `[n]` largest probability of each row. */
  confidence: Float32Array;
}

/**
 * Runs `model` over rows `rows` (all when undefined) of `x`
 * (`[n, ...exampleShape]`), `batchSize` at a time.
 */
export function predict(
  model: Backbone,
  x: Float32Array,
  exampleShape: readonly number[],
  batchSize: number,
  rows?: Int32Array,
): Predictions {
  const size = exampleShape.reduce((a, b) => a * b, 1);
  const n = rows ? rows.length : x.length / size;
  const k = model.config.numClasses;
  const probs = new Float32Array(n * k);
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const batch = rows
      ? gatherRows(
          x,
          [x.length / size, ...exampleShape],
          rows.subarray(start, end),
        ).data
      : x.subarray(start * size, end * size);
    const out = tf.tidy(() => {
      const input = tf.tensor(batch, [end - start, ...exampleShape]);
      return tf.softmax(model.apply(input, { training: false }));
    });
    probs.set(out.dataSync(), start * k);
    out.dispose();
  }
  const labels = new Int32Array(n);
  const confidence = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) {
      if (probs[i * k + c]! > probs[i * k + best]!) best = c;
    }
    labels[i] = best;
    confidence[i] = probs[i * k + best]!;
  }
  return { probs, labels, confidence };
}
