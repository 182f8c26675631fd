// Argument checks shared by the soft-label generators.
import { assertInt, assertLabels, assertNumber } from './validate.js';

export interface LabelArgs {
  labels: Int32Array;
  numClasses: number;
}

/** Checks `numClasses` (>= 1, or >= 2 when `min2`) and the labels. */
export function checkLabelArgs(
  fn: string,
  options: { labels: Int32Array; numClasses: number },
  minClasses = 1,
): LabelArgs {
  assertInt(fn, 'numClasses', options?.numClasses, minClasses);
  assertLabels(fn, 'labels', options.labels, options.numClasses);
  return { labels: options.labels, numClasses: options.numClasses };
}

/** Checks a probability-like argument in [0, 1]. */
export function checkFraction(
  fn: string,
  argument: string,
  value: unknown,
): number {
  assertNumber(fn, argument, value, 0, 1);
  return value;
}

/** Checks an optional seed (default 0). */
export function checkSeed(fn: string, seed: unknown): number {
  const s = seed ?? 0;
  assertInt(fn, 'seed', s, 0);
  return s;
}
