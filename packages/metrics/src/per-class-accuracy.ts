// Per-class accuracy (recall of each class) and its mean, the balanced
// accuracy, for classifier predictions.

import { encodeLabels, labelCodes } from './internal/encode-labels.js';
import { checkLabels, checkSameLength } from './internal/validate.js';

/** Class ids below this bound (or below N) are counted by raw id. */
const RAW_ID_BOUND = 1 << 16;
import type { LabelArray } from './types.js';

/** Result of {@link perClassAccuracy}. */
export interface PerClassAccuracy {
  /** Classes present in `labelsTrue`, increasing, `[K]`. */
  classIds: Int32Array;
  /** Share of each class's examples predicted as that class, `[K]`. */
  accuracy: Float64Array;
  /** Number of examples of each class, `[K]`. */
  support: Int32Array;
  /** Mean of `accuracy` over the classes (balanced accuracy). */
  balancedAccuracy: number;
}

/**
 * Per-class accuracy `acc_k = #{n : true_n = k, pred_n = k} / #{n : true_n
 * = k}` for every class `k` present in `labelsTrue`, and its unweighted
 * mean, scikit-learn's `balanced_accuracy_score`. Predicted ids absent from
 * `labelsTrue` are simply wrong.
 *
 * @param labelsTrue - class ids, `[N]`, non-negative integers.
 * @param labelsPred - predicted class ids, `[N]`, non-negative integers.
 * @returns `classIds`, `accuracy` and `support`, each `[K]`, and
 *   `balancedAccuracy` in `[0, 1]`.
 * @throws CceError naming `labelsTrue` or `labelsPred` for an empty,
 *   non-integer, negative or non-finite label, or mismatched lengths.
 *
 * @example
 * ```ts
 * const r = perClassAccuracy([0, 0, 1, 1, 1, 4], [0, 1, 1, 1, 0, 4]);
 * // classIds [0, 1, 4], accuracy [0.5, 2/3, 1], support [2, 3, 1]
 * ```
 */
export function perClassAccuracy(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): PerClassAccuracy {
  const fn = 'perClassAccuracy';
  const maxTrue = checkLabels(fn, 'labelsTrue', labelsTrue);
  checkLabels(fn, 'labelsPred', labelsPred);
  checkSameLength(fn, labelsTrue, labelsPred);

  const { ids, support, hits } = countPerClass(labelsTrue, maxTrue, labelsPred);
  const accuracy = new Float64Array(ids.length);
  let sum = 0;
  for (let k = 0; k < ids.length; k++) {
    accuracy[k] = hits[k]! / support[k]!;
    sum += accuracy[k]!;
  }
  return {
    classIds: ids,
    accuracy,
    support,
    balancedAccuracy: sum / ids.length,
  };
}

/** Examples and correct predictions per class present in `labelsTrue`. */
function countPerClass(
  labelsTrue: LabelArray,
  maxTrue: number,
  labelsPred: LabelArray,
): { ids: Int32Array; support: Int32Array; hits: Int32Array } {
  const n = labelsTrue.length;
  if (maxTrue >= Math.max(RAW_ID_BOUND, n)) {
    const encoded = encodeLabels(labelsTrue, maxTrue);
    const codes = labelCodes(labelsTrue, encoded);
    const support = new Int32Array(encoded.ids.length);
    const hits = new Int32Array(encoded.ids.length);
    for (let i = 0; i < n; i++) {
      support[codes[i]!]!++;
      if (labelsTrue[i] === labelsPred[i]) hits[codes[i]!]!++;
    }
    return { ids: encoded.ids, support, hits };
  }
  // Small ids: count by raw id in one pass, then drop absent ids.
  const supportById = new Int32Array(maxTrue + 1);
  const hitsById = new Int32Array(maxTrue + 1);
  for (let i = 0; i < n; i++) {
    const t = labelsTrue[i]!;
    supportById[t]!++;
    if (t === labelsPred[i]) hitsById[t]!++;
  }
  const ids: number[] = [];
  for (let id = 0; id <= maxTrue; id++) if (supportById[id]) ids.push(id);
  return {
    ids: Int32Array.from(ids),
    support: Int32Array.from(ids, (id) => supportById[id]!),
    hits: Int32Array.from(ids, (id) => hitsById[id]!),
  };
}
