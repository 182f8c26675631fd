// Option and result types shared by the losses and clustering criteria of
// @cce/losses.
import type { Scalar, Tensor1D } from '@tensorflow/tfjs-core';

/**
 * How per-example losses `L_i` become the returned tensor: `'mean'` gives
 * `Σ w_i L_i / Σ w_i` (plain mean without weights), `'sum'` gives
 * `Σ w_i L_i`, `'none'` gives the `[N]` vector `w_i L_i`.
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** The tensor a loss returns for a reduction: `[N]` for `'none'`, else `[]`. */
export type LossResult<R extends Reduction> = R extends 'none'
  ? Tensor1D
  : Scalar;

/** Options every soft-label loss accepts. */
export interface LossOptions<R extends Reduction = Reduction> {
  /** How to combine the per-example losses; default `'mean'`. */
  reduction?: R;
  /**
   * Per-example weights `[N]`, finite and >= 0. With `'mean'` the result is
   * the weighted mean `Σ w_i L_i / Σ w_i`; with `'sum'` and `'none'` each
   * `L_i` is multiplied by `w_i`.
   */
  weights?: Tensor1D;
  /**
   * Read the inputs back and check their values: logits finite, target rows
   * finite, >= 0, not all zero and summing to 1 within
   * `SIMPLEX_TOLERANCE` (unless `normalize`), weights finite, >= 0 and not
   * all zero. Costs a synchronous download (`dataSync`, LIMITATIONS.md
   * L-004); default false. Shapes, ranks,
   * dtypes and numeric options are always checked.
   */
  validate?: boolean;
  /**
   * Divide each target row by its sum before use, so rows need not sum to
   * 1 (they must still be >= 0 with a positive sum). Default false.
   */
  normalize?: boolean;
}

/** Options of the batch-level clustering criteria. */
export interface BatchOptions {
  /**
   * Per-example weights `[N]`, finite and >= 0, used in every batch average
   * (`σ̄ = Σ w_i σ_i / Σ w_i` and the mean entropy).
   */
  weights?: Tensor1D;
  /** Read the inputs back and check their values; default false. */
  validate?: boolean;
}
