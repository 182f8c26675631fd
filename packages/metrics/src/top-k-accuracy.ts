// Top-k accuracy from row-major class probabilities (or any scores).

import { CceError, formatValue } from '@cce/errors';
import { checkInteger, checkLabels } from './internal/validate.js';
import type { LabelArray } from './types.js';

/**
 * Top-k accuracy: the share of examples whose true class is among the `k`
 * highest scores of its row. Class `t` of a row ranks
 * `#{c : p_c > p_t} + #{c < t : p_c = p_t}`, i.e. ties go to the lower
 * class index, as argmax does; so `k = 1` equals
 * `accuracy(labelsTrue, argmax(probs))`. Any finite scores work
 * (probabilities, logits).
 *
 * @param probs - scores, row-major `[N, numClasses]`, finite.
 * @param numClasses - number of classes `K`, an integer >= 1.
 * @param labelsTrue - class of each row, `[N]`, integers in `[0, K)`.
 * @param k - how many top classes count, an integer in `[1, K]`.
 * @returns top-k accuracy in `[0, 1]`; 1 when `k = K`.
 * @throws CceError naming `numClasses`, `k`, `labelsTrue` (invalid label,
 *   or a label >= numClasses) or `probs` (wrong length, non-finite entry).
 *
 * @example
 * ```ts
 * const probs = [0.5, 0.3, 0.2, 0.1, 0.2, 0.7];
 * topKAccuracy(probs, 3, [1, 1], 1); // 0: argmax rows are 0 and 2
 * topKAccuracy(probs, 3, [1, 1], 2); // 1
 * ```
 */
export function topKAccuracy(
  probs: Float32Array | Float64Array | readonly number[],
  numClasses: number,
  labelsTrue: LabelArray,
  k: number,
): number {
  const fn = 'topKAccuracy';
  checkInteger(fn, 'numClasses', numClasses, 1, 2147483647);
  checkInteger(fn, 'k', k, 1, numClasses);
  const maxLabel = checkLabels(fn, 'labelsTrue', labelsTrue);
  if (maxLabel >= numClasses) {
    throw new CceError({
      fn,
      argument: 'labelsTrue',
      expected: `class ids < numClasses (${numClasses})`,
      received: String(maxLabel),
    });
  }
  const n = labelsTrue.length;
  checkProbs(fn, probs, n, numClasses);

  let hits = 0;
  for (let i = 0; i < n; i++) {
    const base = i * numClasses;
    const t = labelsTrue[i]!;
    const pt = probs[base + t]!;
    let rank = 0;
    for (let c = 0; c < numClasses; c++) {
      const pc = probs[base + c]!;
      if (pc > pt || (pc === pt && c < t)) rank++;
    }
    if (rank < k) hits++;
  }
  return hits / n;
}

function checkProbs(
  fn: string,
  probs: Float32Array | Float64Array | readonly number[],
  n: number,
  numClasses: number,
): void {
  const isArray =
    Array.isArray(probs) ||
    probs instanceof Float32Array ||
    probs instanceof Float64Array;
  if (!isArray || probs.length !== n * numClasses) {
    throw new CceError({
      fn,
      argument: 'probs',
      expected: `[N, numClasses] = [${n}, ${numClasses}] row-major (length ${n * numClasses})`,
      received: formatValue(probs),
    });
  }
  for (let i = 0; i < probs.length; i++) {
    const x = probs[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new CceError({
        fn,
        argument: 'probs',
        expected: 'finite scores',
        received: formatValue(x),
        hint: `At row ${Math.floor(i / numClasses)}, class ${i % numClasses}`,
      });
    }
  }
}
