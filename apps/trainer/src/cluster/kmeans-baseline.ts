// The k-means baseline of `cce cluster --objective kmeans`: ml-kmeans
// (k-means++ initialisation, seeded) on the raw inputs (pixels of images,
// or the vectors of --dataset features / synthetic).
import { kmeans } from 'ml-kmeans';
import type { TrainingData } from '../data/load-data.js';

/** Cluster ids of the train split and of the test split (if any). */
export interface KmeansOutcome {
  train: Int32Array;
  test: Int32Array | null;
  iterations: number;
}

/** Most Lloyd iterations. */
export const KMEANS_MAX_ITERATIONS = 100;

function rows(x: Float32Array, n: number): number[][] {
  const d = x.length / n;
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++)
    out[i] = Array.from(x.subarray(i * d, (i + 1) * d));
  return out;
}

/** Runs k-means with `k` clusters; test examples go to the nearest centre. */
export function kmeansBaseline(
  data: TrainingData,
  k: number,
  seed: number,
): KmeansOutcome {
  const train = rows(data.train.x, data.train.n);
  const result = kmeans(train, k, {
    initialization: 'kmeans++',
    maxIterations: KMEANS_MAX_ITERATIONS,
    seed,
  });
  const test = data.test
    ? Int32Array.from(result.nearest(rows(data.test.x, data.test.n)))
    : null;
  return {
    train: Int32Array.from(result.clusters),
    test,
    iterations: result.iterations,
  };
}
