// Label smoothing: mixes hard labels (or soft targets) with the uniform
// distribution, y ← (1 − ε) y + ε / K.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { CceError, formatValue } from '@cce/errors';
import { checkFlag, checkMatrix, checkNumber } from './internal/validate.js';

const FN = 'smoothLabels';

/** Options of {@link smoothLabels}. */
export interface SmoothLabelsOptions {
  /**
   * Read a label tensor back to check every id is an integer in [0, K);
   * default false (typed arrays and plain arrays are always checked).
   */
  validate?: boolean;
}

/**
 * Smoothed soft labels: `(1 − ε) · y + ε / K` per row, where `y` is the
 * one-hot encoding of integer `labels` or a given `targets` matrix.
 *
 * `ε = 0` returns the one-hot rows (a copy of `targets`), `ε = 1` the
 * uniform distribution. Rows of the result sum to 1 when rows of `y` do.
 *
 * Shapes: `labels` is `[N]` (a `Tensor1D` of int32 ids, an `Int32Array` or
 * a number array); `targets` is `[N, K]` float32; the result is `[N, K]`
 * float32.
 *
 * @param labelsOrTargets - integer class ids in `[0, K)`, or soft targets.
 * @param numClasses - K, an integer >= 2 (must equal the targets' K).
 * @param epsilon - smoothing weight in `[0, 1]`.
 * @param options - `validate` for label tensors.
 * @throws CceError for `numClasses` not an integer >= 2, `epsilon` outside
 *   [0, 1], targets that are not float32 `[N, numClasses]`, labels that are
 *   not integers in [0, K) (for tensors: with `validate`), or an empty
 *   batch.
 * @example
 * ```ts
 * smoothLabels([2, 0], 3, 0.3);
 * // [[0.1, 0.1, 0.8], [0.8, 0.1, 0.1]]
 * ```
 */
export function smoothLabels(
  labelsOrTargets: Tensor1D | Tensor2D | Int32Array | readonly number[],
  numClasses: number,
  epsilon: number,
  options: SmoothLabelsOptions = {},
): Tensor2D {
  checkNumber(
    FN,
    'numClasses',
    numClasses,
    (k) => Number.isInteger(k) && k >= 2,
    'an integer >= 2',
  );
  checkNumber(FN, 'epsilon', epsilon, (e) => e >= 0 && e <= 1, 'in [0, 1]');
  checkFlag(FN, 'options.validate', options?.validate);
  return tf.tidy(() => {
    const base = toTargets(labelsOrTargets, numClasses, options?.validate);

    return tf.add(tf.mul(base, 1 - epsilon), epsilon / numClasses);
  }) as Tensor2D;
}

/** One-hot rows for labels, or the checked targets themselves. */
function toTargets(
  input: unknown,
  numClasses: number,
  validate: boolean | undefined,
): Tensor2D {
  if (Array.isArray(input) || input instanceof Int32Array) {
    const ids = Array.from(input as ArrayLike<number>);
    checkIds(ids, numClasses);
    return oneHot(tf.tensor1d(ids, 'int32'), numClasses);
  }
  const rank = (input as { rank?: unknown } | null)?.rank;
  if (rank === 1) {
    const labels = input as Tensor1D;
    if (labels.dtype !== 'int32') {
      throw new CceError({
        fn: FN,
        argument: 'labelsOrTargets',
        expected: 'int32 labels [N]',
        received: `dtype ${labels.dtype}`,
      });
    }
    if (validate === true) checkIds(Array.from(labels.dataSync()), numClasses);
    else if (labels.shape[0] === 0) checkIds([], numClasses);
    return oneHot(labels, numClasses);
  }
  checkMatrix(FN, 'labelsOrTargets', input);
  if (input.shape[1] !== numClasses) {
    throw new CceError({
      fn: FN,
      argument: 'labelsOrTargets',
      expected: `[N, K] with K = numClasses = ${numClasses}`,
      received: `[${input.shape.join(', ')}]`,
    });
  }
  return input;
}

function oneHot(labels: Tensor1D, numClasses: number): Tensor2D {
  return tf.cast(tf.oneHot(labels, numClasses), 'float32') as Tensor2D;
}

/** Throws at the first id that is not an integer in [0, numClasses). */
function checkIds(ids: readonly number[], numClasses: number): void {
  if (ids.length === 0) {
    throw new CceError({
      fn: FN,
      argument: 'labelsOrTargets',
      expected: 'at least one label',
      received: 'an empty list',
    });
  }
  ids.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 0 || id >= numClasses) {
      throw new CceError({
        fn: FN,
        argument: 'labelsOrTargets',
        expected: `integer class ids in [0, ${numClasses})`,
        received: `${formatValue(id)} at [${i}]`,
      });
    }
  });
}
