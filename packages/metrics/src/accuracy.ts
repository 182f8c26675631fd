// Classification accuracy: the share of predictions equal to the label.

import { checkLabels, checkSameLength } from './internal/validate.js';
import type { LabelArray } from './types.js';

/**
 * Accuracy `= (1/N) Σ_n [labelsPred[n] = labelsTrue[n]]`. Ids are compared
 * as they are (no matching; for clusters use {@link clusteringAccuracy}).
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - predicted class ids, `[N]`, non-negative integers.
 * @returns accuracy in `[0, 1]`.
 * @throws CceError naming `labelsTrue` or `labelsPred` for an empty,
 *   non-integer, negative or non-finite label, or mismatched lengths.
 *
 * @example
 * ```ts
 * accuracy([0, 1, 2, 2], [0, 1, 1, 2]); // 0.75
 * ```
 */
export function accuracy(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): number {
  const fn = 'accuracy';
  checkLabels(fn, 'labelsTrue', labelsTrue);
  checkLabels(fn, 'labelsPred', labelsPred);
  checkSameLength(fn, labelsTrue, labelsPred);

  let correct = 0;
  for (let i = 0; i < labelsTrue.length; i++) {
    if (labelsTrue[i] === labelsPred[i]) correct++;
  }
  return correct / labelsTrue.length;
}
