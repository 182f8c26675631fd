// ACC (Hungarian matching), NMI and ARI of predicted cluster ids against
// true class ids, all from @cce/metrics.
import {
  adjustedRandIndex,
  clusteringAccuracy,
  normalizedMutualInfo,
} from '@cce/metrics';
import type { SplitMetrics } from '../run/epoch-record.js';

/** ACC, NMI and ARI of `labelsPred` against `labelsTrue` (same length). */
export function scoreClustering(
  labelsTrue: Int32Array,
  labelsPred: Int32Array,
): SplitMetrics {
  return {
    acc: clusteringAccuracy(labelsTrue, labelsPred).accuracy,
    nmi: normalizedMutualInfo(labelsTrue, labelsPred),
    ari: adjustedRandIndex(labelsTrue, labelsPred),
    samples: labelsTrue.length,
  };
}

/** Examples per cluster id in [0, k). */
export function clusterSizes(labelsPred: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const c of labelsPred) sizes[c] = (sizes[c] ?? 0) + 1;
  return sizes;
}
