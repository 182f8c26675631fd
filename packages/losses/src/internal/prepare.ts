// The validate-then-normalise step every soft-label loss runs before its
// math, so all losses reject the same bad inputs with the same messages.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { CceError, formatValue } from '@cce/errors';
import type { BatchOptions, LossOptions, Reduction } from '../types.js';
import {
  checkFinite,
  checkFlag,
  checkMatrix,
  checkPair,
  checkReduction,
  checkSimplexRows,
  checkWeightValues,
  checkWeightsShape,
} from './validate.js';

/** What a loss computes with once its inputs passed the guards. */
export interface PreparedPair {
  targets: Tensor2D;
  reduction: Reduction;
  weights: Tensor1D | undefined;
}

/** Checks that `options` is an object (or undefined). */
export function checkOptions(fn: string, options: unknown): void {
  if (options !== undefined && (typeof options !== 'object' || !options)) {
    throw new CceError({
      fn,
      argument: 'options',
      expected: 'an object or undefined',
      received: formatValue(options),
    });
  }
}

/**
 * Guards `(targets, logits, options)` of a soft-label loss and returns the
 * targets to use (row-normalised with `normalize`). Call inside `tf.tidy`.
 */
export function preparePair(
  fn: string,
  targets: unknown,
  logits: unknown,
  options: LossOptions = {},
): PreparedPair {
  checkOptions(fn, options);
  checkPair(fn, targets, logits);
  const { reduction = 'mean', weights, validate, normalize } = options;
  checkReduction(fn, reduction);
  checkWeightsShape(fn, weights, targets.shape[0]);
  checkFlag(fn, 'options.validate', validate);
  checkFlag(fn, 'options.normalize', normalize);

  // LIMITATION(L-002): value checks (all-zero rows, sums) only run with
  // validate; without it a malformed row gives a finite but wrong loss.
  // LIMITATION(L-004): they read data back synchronously.
  if (validate === true) {
    checkFinite(fn, 'logits', logits as Tensor2D);
    checkSimplexRows(fn, 'targets', targets, normalize === true);
    if (weights) checkWeightValues(fn, weights);
  }

  // divNoNan keeps an all-zero row at zero instead of 0/0 = NaN.
  const used =
    normalize === true
      ? tf.divNoNan(targets, tf.sum(targets, 1, true))
      : targets;
  return { targets: used as Tensor2D, reduction, weights };
}

/**
 * Guards `(x, options)` of a batch criterion, where `x` holds logits or,
 * with `simplex`, probability rows.
 */
export function prepareBatch(
  fn: string,
  argument: string,
  x: unknown,
  options: BatchOptions = {},
  simplex = false,
): Tensor1D | undefined {
  checkOptions(fn, options);
  checkMatrix(fn, argument, x);
  const { weights, validate } = options;
  checkWeightsShape(fn, weights, x.shape[0]);
  checkFlag(fn, 'options.validate', validate);

  if (validate === true) {
    if (simplex) checkSimplexRows(fn, argument, x, false);
    else checkFinite(fn, argument, x);
    if (weights) checkWeightValues(fn, weights);
  }
  return weights;
}
