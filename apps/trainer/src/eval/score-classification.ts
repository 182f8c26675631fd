// Scores of a classifier: plain accuracy (no matching: class i must be
// predicted as i), with NMI and ARI from @cce/metrics for comparison with
// clustering runs.
import { adjustedRandIndex, normalizedMutualInfo } from '@cce/metrics';
import type { SplitMetrics } from '../run/epoch-record.js';

/** Accuracy, NMI and ARI of class predictions. */
export function scoreClassification(
  labelsTrue: Int32Array,
  labelsPred: Int32Array,
): SplitMetrics {
  let correct = 0;
  for (let i = 0; i < labelsTrue.length; i++) {
    if (labelsTrue[i] === labelsPred[i]) correct += 1;
  }
  return {
    acc: labelsTrue.length > 0 ? correct / labelsTrue.length : 0,
    nmi: normalizedMutualInfo(labelsTrue, labelsPred),
    ari: adjustedRandIndex(labelsTrue, labelsPred),
    samples: labelsTrue.length,
  };
}
