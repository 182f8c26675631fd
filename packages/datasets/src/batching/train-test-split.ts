// Seeded train/test split of example indices, optionally stratified so each
// class keeps its share in both parts.
import { CceError, formatValue } from '@cce/errors';
import { createRng } from '../rng/create-rng.js';
import { shuffleInPlace } from '../internal/permutation.js';
import { assertInt, assertTypedArray } from '../internal/validate.js';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** N >= 0. */
  numExamples: number;
  /** Share of examples in the test part, in (0, 1). */
  testFraction: number;
  /** Class ids `[N]` (any integers): split each class separately. */
  stratify?: Int32Array;
  /** Seed; default 0. */
  seed?: number;
}

/**
 * Splits `0 … N−1` into train and test indices at random (seeded). The
 * test part has `round(N · testFraction)` examples. With `stratify`, every
 * class c of size n_c contributes `n_c · testFraction` test examples,
 * rounded by largest remainder so the total is still
 * `round(N · testFraction)`; each class's count is within 1 of its share.
 *
 * @param options - `numExamples`, `testFraction`, `stratify`, `seed`.
 * @returns `{ train, test }`, disjoint, together `0 … N−1`, each sorted.
 * @throws CceError when N or the seed is not a valid integer,
 *   `testFraction` is outside (0, 1), or `stratify` is not an Int32Array of
 *   length N.
 * @example
 * ```ts
 * const { train, test } = trainTestSplit({ numExamples: 10, testFraction: 0.3, seed: 1 });
 * [train.length, test.length]; // [7, 3]
 * ```
 */
export function trainTestSplit(options: TrainTestSplitOptions): {
  train: Int32Array;
  test: Int32Array;
} {
  const fn = 'trainTestSplit';
  const n = options?.numExamples;
  assertInt(fn, 'numExamples', n, 0);
  const f = options.testFraction;
  if (typeof f !== 'number' || !(f > 0 && f < 1)) {
    throw new CceError({
      fn,
      argument: 'testFraction',
      expected: 'a number in (0, 1)',
      received: formatValue(f),
    });
  }
  const seed = options.seed ?? 0;
  assertInt(fn, 'seed', seed, 0);
  const rng = createRng(seed);

  const groups = groupIndices(fn, n, options.stratify);
  const quotas = testQuotas(
    groups.map((g) => g.length),
    f,
    Math.round(n * f),
  );
  const isTest = new Uint8Array(n);
  groups.forEach((group, c) => {
    shuffleInPlace(group, rng);
    for (let i = 0; i < quotas[c]!; i++) isTest[group[i]!] = 1;
  });
  const test = new Int32Array(quotas.reduce((a, b) => a + b, 0));
  const train = new Int32Array(n - test.length);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (isTest[i]) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test };
}

/** One index group per class (in order of first appearance), or one group. */
function groupIndices(
  fn: string,
  n: number,
  stratify: Int32Array | undefined,
): Int32Array[] {
  if (stratify === undefined)
    return [Int32Array.from({ length: n }, (_, i) => i)];
  assertTypedArray(fn, 'stratify', stratify, Int32Array);
  if (stratify.length !== n) {
    throw new CceError({
      fn,
      argument: 'stratify',
      expected: `length ${n} (numExamples)`,
      received: `length ${stratify.length}`,
    });
  }
  const byClass = new Map<number, number[]>();
  stratify.forEach((c, i) => {
    const list = byClass.get(c);
    if (list) list.push(i);
    else byClass.set(c, [i]);
  });
  return [...byClass.values()].map((list) => Int32Array.from(list));
}

/** Largest-remainder allocation of `total` test slots over the groups. */
function testQuotas(sizes: number[], f: number, total: number): number[] {
  const exact = sizes.map((s) => s * f);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, c) => [e - Math.floor(e), c] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, c] of order) {
    if (left <= 0) break;
    if (quotas[c]! < sizes[c]!) {
      quotas[c] = quotas[c]! + 1;
      left--;
    }
  }
  return quotas;
}
