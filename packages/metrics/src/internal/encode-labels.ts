// Remaps arbitrary non-negative label ids to contiguous codes 0..K-1, in
// increasing order of id (the order of numpy.unique).

import type { LabelArray } from '../types.js';

/** Distinct ids of one labeling and how to find each id's code. */
export interface EncodedLabels {
  /** Distinct ids in increasing order, `[K]`. */
  ids: Int32Array;
  /** `codeOfId[id]` is the code of `id` (`[maxLabel + 1]`), or null. */
  codeOfId: Int32Array | null;
}

/** Ids up to this bound (or up to N) are remapped through a lookup table. */
const DENSE_ID_BOUND = 1 << 16;

/**
 * Finds the distinct ids of validated labels whose largest id is
 * `maxLabel`. Small ids get a lookup table (O(maxLabel) memory, no per-
 * example storage); large sparse ids are sorted (O(N) memory) and coded by
 * binary search in {@link labelCodes}.
 */
export function encodeLabels(
  labels: LabelArray,
  maxLabel: number,
): EncodedLabels {
  if (maxLabel >= Math.max(DENSE_ID_BOUND, labels.length)) {
    return { ids: sortedDistinct(labels), codeOfId: null };
  }
  const n = labels.length;
  const codeOfId = new Int32Array(maxLabel + 1);
  for (let i = 0; i < n; i++) codeOfId[labels[i]!] = 1;
  let k = 0;
  for (let id = 0; id <= maxLabel; id++) if (codeOfId[id]) k++;
  const ids = new Int32Array(k);
  for (let id = 0, code = 0; id <= maxLabel; id++) {
    if (codeOfId[id]) {
      ids[code] = id;
      codeOfId[id] = code++;
    }
  }
  return { ids, codeOfId };
}

/** The code of every example, `Int32Array(N)`. */
export function labelCodes(
  labels: LabelArray,
  encoded: EncodedLabels,
): Int32Array {
  const n = labels.length;
  const codes = new Int32Array(n);
  const { ids, codeOfId } = encoded;
  if (codeOfId) {
    for (let i = 0; i < n; i++) codes[i] = codeOfId[labels[i]!]!;
    return codes;
  }
  for (let i = 0; i < n; i++) {
    const x = labels[i]!;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return codes;
}

function sortedDistinct(labels: LabelArray): Int32Array {
  const sorted = Int32Array.from(labels).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i]!;
  }
  return sorted.slice(0, k);
}
