// Generalized cross-entropy L_q (Zhang and Sabuncu, 2018, arXiv:1805.07836),
// between Shannon CE (q → 0) and MAE (q = 1), extended to soft targets.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { DEFAULT_GCE_Q } from './constants.js';
import { preparePair } from './internal/prepare.js';
import { reduceLoss } from './internal/reduce.js';
import { gcePerExample } from './internal/terms.js';
import { checkNumber } from './internal/validate.js';
import type { LossOptions, LossResult, Reduction } from './types.js';

/** Options of {@link generalizedCrossEntropy}. */
export interface GeneralizedCrossEntropyOptions<R extends Reduction = Reduction>
  extends LossOptions<R> {
  /** Exponent q in (0, 1]; default `DEFAULT_GCE_Q` (0.7). */
  q?: number;
}

/**
 * Generalized cross-entropy for soft targets:
 * `L_q(y, σ) = Σ_k y_k (1 − σ_k^q) / q`, `σ = softmax(logits)`.
 *
 * For a one-hot `y = e_t` this is the paper's `(1 − σ_t^q) / q`; for soft
 * targets we take the `y`-weighted average of the one-hot losses (our
 * extension: the paper defines hard labels only). As `q → 0` it tends to the
 * Shannon cross-entropy `−Σ y_k ln σ_k`; at `q = 1` it is `1 − y·σ`, which
 * for one-hot targets is half of {@link meanAbsoluteError}.
 *
 * Computed as `−Σ_k y_k expm1(q ln σ_k) / q` with `ln σ` from
 * `logSoftmax`: `expm1` avoids the cancellation in `1 − σ^q` for small q,
 * and everything stays finite for logits of ±1e4. Gradient by autodiff.
 *
 * Shapes: `targets` and `logits` are `[N, K]`; the result is `[]` for
 * `'mean'` and `'sum'`, `[N]` for `'none'`. Values: `[0, 1/q]`.
 *
 * @param targets - soft labels `[N, K]` (rows on the simplex, or use
 *   `normalize`).
 * @param logits - unnormalised scores `[N, K]`, float32.
 * @param options - {@link LossOptions} plus `q`.
 * @throws CceError for bad ranks, dtypes, shapes or options (`q` must be in
 *   (0, 1]), and with `validate: true` for non-finite values or target rows
 *   off the simplex.
 * @see arXiv:1805.07836 (Zhang and Sabuncu, section unverified).
 * @example
 * ```ts
 * const targets = tf.tensor2d([[0.8, 0.2, 0], [0, 0, 1]]);
 * const logits = tf.tensor2d([[2, 0, -1], [0, 0, 0]]);
 * generalizedCrossEntropy(targets, logits, { reduction: 'none' });
 * // ≈ [0.351266, 0.766481] (q = 0.7)
 * ```
 */
export function generalizedCrossEntropy<R extends Reduction = 'mean'>(
  targets: Tensor2D,
  logits: Tensor2D,
  options: GeneralizedCrossEntropyOptions<R> = {},
): LossResult<R> {
  const fn = 'generalizedCrossEntropy';
  const { q = DEFAULT_GCE_Q } = options ?? {};
  checkNumber(fn, 'options.q', q, (x) => x > 0 && x <= 1, 'in (0, 1]');
  return tf.tidy(() => {
    const prepared = preparePair(fn, targets, logits, options);

    const perExample = gcePerExample(prepared.targets, logits, q);

    return reduceLoss(perExample, prepared.reduction, prepared.weights);
  }) as LossResult<R>;
}
