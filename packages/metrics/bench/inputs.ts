// Benchmark inputs generated in place (no temporaries, so peak memory
// measurements see only what a metric allocates) and the metrics to time.

import {
  accuracy,
  adjustedMutualInfo,
  adjustedRandIndex,
  clusteringAccuracy,
  contingencyMatrix,
  normalizedMutualInfo,
  perClassAccuracy,
  purity,
  topKAccuracy,
} from '../src/index.js';

/** Rows of the top-k input are N / TOP_K_SHRINK, so probs hold N·K/100. */
export const TOP_K_SHRINK = 100;

export interface Inputs {
  labelsTrue: Int32Array;
  labelsPred: Int32Array;
  probs: Float32Array;
  probLabels: Int32Array;
}

/** Xorshift32: fast, seeded, good enough for benchmark inputs. */
export function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * `N` classes uniform in `[0, K)`; predictions are a renamed copy (cluster
 * `(7c + 3) mod K`) with half of the examples moved to a random cluster.
 */
export function makeInputs(n: number, k: number, seed = 1): Inputs {
  const random = xorshift(seed);
  const labelsTrue = new Int32Array(n);
  const labelsPred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * k);
    labelsTrue[i] = c;
    labelsPred[i] = random() < 0.5 ? Math.floor(random() * k) : (7 * c + 3) % k;
  }
  const rows = Math.max(1, Math.floor(n / TOP_K_SHRINK));
  const probs = new Float32Array(rows * k); // [rows, K]
  for (let i = 0; i < probs.length; i++) probs[i] = random();
  const probLabels = labelsTrue.slice(0, rows);
  return { labelsTrue, labelsPred, probs, probLabels };
}

export const METRICS: Record<string, (x: Inputs, k: number) => unknown> = {
  contingencyMatrix: (x) => contingencyMatrix(x.labelsTrue, x.labelsPred),
  clusteringAccuracy: (x) => clusteringAccuracy(x.labelsTrue, x.labelsPred),
  normalizedMutualInfo: (x) => normalizedMutualInfo(x.labelsTrue, x.labelsPred),
  adjustedMutualInfo: (x) => adjustedMutualInfo(x.labelsTrue, x.labelsPred),
  adjustedRandIndex: (x) => adjustedRandIndex(x.labelsTrue, x.labelsPred),
  purity: (x) => purity(x.labelsTrue, x.labelsPred),
  accuracy: (x) => accuracy(x.labelsTrue, x.labelsPred),
  perClassAccuracy: (x) => perClassAccuracy(x.labelsTrue, x.labelsPred),
  'topKAccuracy (k=5, N/100 rows)': (x, k) =>
    topKAccuracy(x.probs, k, x.probLabels, 5),
};
