// One-hot targets from integer labels: the hard-label baseline that the
// soft-label generators perturb.
import { checkLabelArgs } from '../internal/soft-label-args.js';

/**
 * One-hot encodes class ids: row i is `e_{labels[i]}`.
 *
 * @param labels - class ids `[N]` in [0, numClasses).
 * @param numClasses - K >= 1.
 * @returns row-major Float32Array `[N, K]`.
 * @throws CceError when `numClasses` is not an integer >= 1 or a label is
 *   outside [0, K).
 * @example
 * ```ts
 * Array.from(oneHot(new Int32Array([2, 0]), 3)); // [0, 0, 1, 1, 0, 0]
 * ```
 */
export function oneHot(labels: Int32Array, numClasses: number): Float32Array {
  checkLabelArgs('oneHot', { labels, numClasses });

  const out = new Float32Array(labels.length * numClasses); // [N, K]
  for (let i = 0; i < labels.length; i++) out[i * numClasses + labels[i]!] = 1;
  return out;
}
