// Argument checks shared by the public functions; every failure is a
// CceError naming the function, the argument, what was expected and got.
import { CceError, formatValue } from '@cce/errors';
import type {
  ProbArray,
  PseudoLabelMethod,
  PseudoLabelObjective,
} from '../types.js';

const OBJECTIVES: readonly PseudoLabelObjective[] = [
  'collision',
  'reverse',
  'forward',
  'sela',
];

/** Methods that solve each objective. */
export const METHODS_FOR: Record<
  PseudoLabelObjective,
  readonly PseudoLabelMethod[]
> = {
  collision: ['em', 'em-accelerated', 'pgd', 'pgd-fixed', 'spg'],
  reverse: ['em', 'em-accelerated', 'pgd', 'pgd-fixed', 'spg'],
  forward: ['pgd', 'pgd-fixed', 'spg'],
  sela: ['sinkhorn'],
};

/** The method used when none is given. */
export const DEFAULT_METHOD: Record<PseudoLabelObjective, PseudoLabelMethod> = {
  collision: 'em-accelerated',
  reverse: 'em-accelerated',
  forward: 'spg',
  sela: 'sinkhorn',
};

export function checkObjective(
  fn: string,
  objective: unknown,
): PseudoLabelObjective {
  if (!OBJECTIVES.includes(objective as PseudoLabelObjective)) {
    throw new CceError({
      fn,
      argument: 'objective',
      expected: `one of ${OBJECTIVES.join(', ')}`,
      received: formatValue(objective),
    });
  }
  return objective as PseudoLabelObjective;
}

export function checkMethod(
  fn: string,
  objective: PseudoLabelObjective,
  method: unknown,
): PseudoLabelMethod {
  const allowed = METHODS_FOR[objective];
  if (!allowed.includes(method as PseudoLabelMethod)) {
    throw new CceError({
      fn,
      argument: 'method',
      expected: `one of ${allowed.join(', ')} for objective '${objective}'`,
      received: formatValue(method),
    });
  }
  return method as PseudoLabelMethod;
}

export function checkNumClasses(fn: string, numClasses: unknown): number {
  if (
    typeof numClasses !== 'number' ||
    !Number.isInteger(numClasses) ||
    numClasses < 2
  ) {
    throw new CceError({
      fn,
      argument: 'numClasses',
      expected: 'an integer >= 2',
      received: formatValue(numClasses),
    });
  }
  return numClasses;
}

/** λ: required and >= 0 unless `optional` (sela ignores it). */
export function checkLambda(
  fn: string,
  lambda: unknown,
  optional: boolean,
): number {
  if (optional && lambda === undefined) return 0;
  if (typeof lambda !== 'number' || !Number.isFinite(lambda) || lambda < 0) {
    throw new CceError({
      fn,
      argument: 'lambda',
      expected: 'a finite number >= 0',
      received: formatValue(lambda),
    });
  }
  return lambda;
}

/** Common number rules with their one-phrase descriptions. */
export const RULES = {
  nonNegative: {
    expected: 'a finite number >= 0',
    test: (v: number) => Number.isFinite(v) && v >= 0,
  },
  positive: {
    expected: 'a finite number > 0',
    test: (v: number) => Number.isFinite(v) && v > 0,
  },
  count: {
    expected: 'an integer >= 0',
    test: (v: number) => Number.isInteger(v) && v >= 0,
  },
  rows: {
    expected: 'an integer >= 1',
    test: (v: number) => Number.isInteger(v) && v >= 1,
  },
  budget: {
    expected: 'a number > 0 (Infinity allowed)',
    test: (v: number) => v > 0,
  },
} as const;

/** Checks `value` against a rule from {@link RULES}. */
export function checkNumber(
  fn: string,
  argument: string,
  value: unknown,
  rule: (typeof RULES)[keyof typeof RULES],
): number {
  if (typeof value !== 'number' || !rule.test(value)) {
    throw new CceError({
      fn,
      argument,
      expected: rule.expected,
      received: formatValue(value),
    });
  }
  return value;
}

export function checkTypedArray(
  fn: string,
  argument: string,
  value: unknown,
): ProbArray {
  if (!(value instanceof Float32Array) && !(value instanceof Float64Array)) {
    throw new CceError({
      fn,
      argument,
      expected: 'a Float32Array or Float64Array',
      received: formatValue(value),
    });
  }
  return value;
}

/** The length is a positive multiple of K; returns N. */
export function checkRowCount(
  fn: string,
  argument: string,
  array: ProbArray,
  numClasses: number,
): number {
  if (array.length === 0 || array.length % numClasses !== 0) {
    throw new CceError({
      fn,
      argument,
      expected: `a non-empty length that is a multiple of numClasses (${numClasses})`,
      received: `length ${array.length}`,
    });
  }
  return array.length / numClasses;
}

/**
 * Every entry of the first `n` rows is finite and >= 0 (> 0 when
 * `strictlyPositive`), and each row sums to 1 within `rowSumTolerance`.
 */
export function checkRows(
  fn: string,
  argument: string,
  array: ProbArray,
  n: number,
  numClasses: number,
  rowSumTolerance: number,
  strictlyPositive = false,
): void {
  for (let i = 0; i < n; i++) {
    const row = i * numClasses;
    let sum = 0;
    for (let k = 0; k < numClasses; k++) {
      const v = array[row + k] as number;
      if (!(v >= 0) || v === Infinity || (strictlyPositive && v === 0)) {
        throw entryError(fn, argument, i, k, v, strictlyPositive);
      }
      sum += v;
    }
    if (Math.abs(sum - 1) > rowSumTolerance) {
      throw new CceError({
        fn,
        argument,
        expected: `rows summing to 1 within ${rowSumTolerance}`,
        received: `row ${i} summing to ${sum}`,
      });
    }
  }
}

function entryError(
  fn: string,
  argument: string,
  i: number,
  k: number,
  v: number,
  strictlyPositive: boolean,
): CceError {
  return new CceError({
    fn,
    argument,
    expected: strictlyPositive
      ? 'finite entries > 0 (EM cannot move an entry away from 0)'
      : 'finite entries >= 0',
    received: `${v} at row ${i}, class ${k}`,
    hint: strictlyPositive
      ? "Mix the init with a little uniform mass, e.g. 0.999·y + 0.001/K, or use method 'pgd'"
      : undefined,
  });
}
