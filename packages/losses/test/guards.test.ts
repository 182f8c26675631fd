// Every input guard of the package, tripped once: the error is a CceError
// whose message names the function and the argument at fault.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { isCceError } from '@cce/errors';
import { describe, expect, it } from 'vitest';
import {
  decisiveness,
  fairness,
  generalizedCrossEntropy,
  lossRegistry,
  mutualInformationLoss,
  reverseCrossEntropy,
  smoothLabels,
  strongFairness,
  symmetricCrossEntropy,
} from '../src/index.js';
import type { RegisteredLossOptions } from '../src/index.js';

/** Asserts `run` throws a CceError naming `fn` and `argument`. */
function expectGuard(
  run: () => unknown,
  fn: string,
  argument: string,
  fragment?: string,
): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isCceError(caught), `expected a CceError, got ${String(caught)}`).toBe(
    true,
  );
  const message = (caught as Error).message;
  expect(message.startsWith(`${fn}: '${argument}' must be`), message).toBe(
    true,
  );
  if (fragment) expect(message).toContain(fragment);
}

const bad = <T>(x: unknown) => x as T;
const good = () =>
  tf.tensor2d([
    [0.25, 0.75],
    [1, 0],
  ]);
const logits = () =>
  tf.tensor2d([
    [0, 1],
    [2, 3],
  ]);

describe.each(Object.values(lossRegistry))(
  '$functionName guards',
  ({ fn: loss, functionName: fn }) => {
    const call = (
      targets: unknown,
      l: unknown,
      options?: RegisteredLossOptions,
    ) => loss(bad<Tensor2D>(targets), bad<Tensor2D>(l), options);

    it('throws when logits are not rank 2', () => {
      expectGuard(
        () => call(good(), tf.tensor1d([1, 2])),
        fn,
        'logits',
        'got [2]',
      );
      expectGuard(() => call(good(), [[1, 2]]), fn, 'logits', 'an array');
    });

    it('throws when logits are not float32 or the batch is empty', () => {
      expectGuard(
        () => call(good(), tf.tensor2d([[1, 2]], [1, 2], 'int32')),
        fn,
        'logits',
        'int32',
      );
      expectGuard(
        () => call(tf.zeros([0, 2]), tf.zeros([0, 2])),
        fn,
        'logits',
        '[0, 2]',
      );
    });

    it('throws when targets differ in shape, K or rank', () => {
      const l = tf.zeros([32, 10]);
      expectGuard(
        () => call(tf.zeros([32, 9]), l),
        fn,
        'targets',
        `[N, K] like 'logits' [32, 10], got [32, 9]`,
      );
      expectGuard(
        () => call(tf.zeros([31, 10]), l),
        fn,
        'targets',
        'got [31, 10]',
      );
      expectGuard(
        () => call(tf.zeros([32, 10, 1]), l),
        fn,
        'targets',
        'got [32, 10, 1]',
      );
    });

    it('throws when targets are not float32', () => {
      const ids = tf.tensor2d(
        [
          [0, 1],
          [1, 0],
        ],
        [2, 2],
        'int32',
      );
      expectGuard(() => call(ids, logits()), fn, 'targets', 'int32');
    });

    it('throws when options are malformed', () => {
      expectGuard(() => call(good(), logits(), bad('mean')), fn, 'options');
      expectGuard(
        () => call(good(), logits(), { reduction: bad('avg') }),
        fn,
        'options.reduction',
        '"avg"',
      );
      expectGuard(
        () => call(good(), logits(), { weights: tf.ones([3]) as Tensor1D }),
        fn,
        'options.weights',
        'N = 2',
      );
      expectGuard(
        () =>
          call(good(), logits(), {
            weights: tf.ones([2], 'int32') as Tensor1D,
          }),
        fn,
        'options.weights',
        'int32',
      );
      expectGuard(
        () => call(good(), logits(), { validate: bad(1) }),
        fn,
        'options.validate',
      );
      expectGuard(
        () => call(good(), logits(), { normalize: bad('yes') }),
        fn,
        'options.normalize',
      );
    });

    it('throws on NaN or infinite logits when validate is on', () => {
      const l = tf.tensor2d([
        [0, 1],
        [Number.NaN, 3],
      ]);
      expectGuard(
        () => call(good(), l, { validate: true }),
        fn,
        'logits',
        'NaN at [1, 0]',
      );
      const inf = tf.tensor2d([
        [0, Infinity],
        [2, 3],
      ]);
      expectGuard(
        () => call(good(), inf, { validate: true }),
        fn,
        'logits',
        'Infinity at [0, 1]',
      );
    });

    it('throws on bad target rows when validate is on', () => {
      const v = { validate: true };
      expectGuard(
        () =>
          call(
            tf.tensor2d([
              [1.5, -0.5],
              [1, 0],
            ]),
            logits(),
            v,
          ),
        fn,
        'targets',
        '-0.5 at [0, 1]',
      );
      expectGuard(
        () =>
          call(
            tf.tensor2d([
              [0.5, 0.5],
              [0, 0],
            ]),
            logits(),
            v,
          ),
        fn,
        'targets',
        'all-zero row 1',
      );
      expectGuard(
        () =>
          call(
            tf.tensor2d([
              [0.5, 0.4],
              [1, 0],
            ]),
            logits(),
            v,
          ),
        fn,
        'targets',
        'row 0 summing to 0.9',
      );
      expectGuard(
        () =>
          call(
            tf.tensor2d([
              [0.5, Number.NaN],
              [1, 0],
            ]),
            logits(),
            v,
          ),
        fn,
        'targets',
        'NaN',
      );
      const normalize = { validate: true, normalize: true };
      expectGuard(
        () =>
          call(
            tf.tensor2d([
              [2, 2],
              [0, 0],
            ]),
            logits(),
            normalize,
          ),
        fn,
        'targets',
        'all-zero row 1',
      );
      expect(() =>
        call(
          tf.tensor2d([
            [2, 2],
            [0, 3],
          ]),
          logits(),
          normalize,
        ),
      ).not.toThrow();
    });

    it('throws on negative or all-zero weights when validate is on', () => {
      const v = (w: number[]) => ({ validate: true, weights: tf.tensor1d(w) });
      expectGuard(
        () => call(good(), logits(), v([1, -1])),
        fn,
        'options.weights',
        '-1 at [1]',
      );
      expectGuard(
        () => call(good(), logits(), v([0, 0])),
        fn,
        'options.weights',
        'all zeros',
      );
    });
  },
);

describe('loss parameter guards', () => {
  const y = () => tf.tensor2d([[0.25, 0.75]]);
  const l = () => tf.tensor2d([[0, 1]]);

  it('throws when q is outside (0, 1]', () => {
    for (const q of [0, -0.5, 1.5, Number.NaN]) {
      expectGuard(
        () => generalizedCrossEntropy(y(), l(), { q }),
        'generalizedCrossEntropy',
        'options.q',
        'in (0, 1]',
      );
    }
  });

  it('throws when alpha, beta or logFloor are out of range', () => {
    const fn = 'symmetricCrossEntropy';
    expectGuard(
      () => symmetricCrossEntropy(y(), l(), { alpha: -1 }),
      fn,
      'options.alpha',
    );
    expectGuard(
      () => symmetricCrossEntropy(y(), l(), { beta: Infinity }),
      fn,
      'options.beta',
    );
    expectGuard(
      () => symmetricCrossEntropy(y(), l(), { logFloor: 0 }),
      fn,
      'options.logFloor',
    );
    expectGuard(
      () => reverseCrossEntropy(y(), l(), { logFloor: 2 }),
      'reverseCrossEntropy',
      'options.logFloor',
      'got 2',
    );
  });
});

describe('clustering criterion guards', () => {
  const l = () =>
    tf.tensor2d([
      [0, 1],
      [2, 3],
    ]);

  it('throws when logits are not a float32 [N, K] tensor', () => {
    expectGuard(
      () => decisiveness(bad(tf.tensor1d([1]))),
      'decisiveness',
      'logits',
    );
    expectGuard(
      () => fairness(bad(tf.zeros([2, 0]))),
      'fairness',
      'logits',
      '[2, 0]',
    );
    expectGuard(
      () => mutualInformationLoss(bad(tf.zeros([2, 2], 'int32'))),
      'mutualInformationLoss',
      'logits',
      'int32',
    );
    expectGuard(
      () => strongFairness(bad(tf.zeros([2, 2, 2]))),
      'strongFairness',
      'pseudoLabels',
    );
  });

  it('throws when options are malformed', () => {
    expectGuard(
      () => decisiveness(l(), { reduction: bad('max') }),
      'decisiveness',
      'options.reduction',
    );
    expectGuard(
      () => decisiveness(l(), bad<never>(3)),
      'decisiveness',
      'options',
    );
    expectGuard(
      () => fairness(l(), { weights: tf.ones([3]) as Tensor1D }),
      'fairness',
      'options.weights',
    );
    expectGuard(
      () => strongFairness(good(), { validate: bad('no') }),
      'strongFairness',
      'options.validate',
    );
    expectGuard(
      () => mutualInformationLoss(l(), { marginalWeight: -2 }),
      'mutualInformationLoss',
      'options.marginalWeight',
    );
    expectGuard(
      () => mutualInformationLoss(l(), { conditionalWeight: Number.NaN }),
      'mutualInformationLoss',
      'options.conditionalWeight',
    );
  });

  it('throws on non-finite logits or bad weights when validate is on', () => {
    const nan = tf.tensor2d([[0, Number.NaN]]);
    expectGuard(
      () => decisiveness(nan, { validate: true }),
      'decisiveness',
      'logits',
      'NaN',
    );
    expectGuard(
      () => fairness(nan, { validate: true }),
      'fairness',
      'logits',
      'NaN',
    );
    expectGuard(
      () => mutualInformationLoss(nan, { validate: true }),
      'mutualInformationLoss',
      'logits',
      'NaN',
    );
    const w = { validate: true, weights: tf.tensor1d([0, 0]) };
    expectGuard(
      () => decisiveness(l(), w),
      'decisiveness',
      'options.weights',
      'all zeros',
    );
    expectGuard(() => fairness(l(), w), 'fairness', 'options.weights');
  });

  it('throws on pseudo-label rows off the simplex when validate is on', () => {
    const v = { validate: true };
    expectGuard(
      () => strongFairness(tf.tensor2d([[0.5, 0.6]]), v),
      'strongFairness',
      'pseudoLabels',
      'summing to 1.1',
    );
    expectGuard(
      () => strongFairness(tf.tensor2d([[1.2, -0.2]]), v),
      'strongFairness',
      'pseudoLabels',
      '>= 0',
    );
  });
});

describe('smoothLabels guards', () => {
  const fn = 'smoothLabels';

  it('throws when numClasses or epsilon are out of range', () => {
    expectGuard(() => smoothLabels([0], 1, 0.1), fn, 'numClasses', 'got 1');
    expectGuard(() => smoothLabels([0], 2.5, 0.1), fn, 'numClasses');
    expectGuard(() => smoothLabels([0], 2, 1.5), fn, 'epsilon', 'in [0, 1]');
    expectGuard(
      () => smoothLabels([0], 2, 0.1, { validate: bad(1) }),
      fn,
      'options.validate',
    );
  });

  it('throws when labels are not integer ids in [0, K)', () => {
    expectGuard(
      () => smoothLabels([0, 3], 3, 0.1),
      fn,
      'labelsOrTargets',
      '3 at [1]',
    );
    expectGuard(
      () => smoothLabels([0.5], 3, 0.1),
      fn,
      'labelsOrTargets',
      '0.5 at [0]',
    );
    expectGuard(() => smoothLabels([], 3, 0.1), fn, 'labelsOrTargets', 'empty');
    expectGuard(
      () => smoothLabels(tf.tensor1d([], 'int32'), 3, 0.1),
      fn,
      'labelsOrTargets',
      'empty',
    );
    expectGuard(
      () =>
        smoothLabels(tf.tensor1d([0, -1], 'int32'), 3, 0.1, { validate: true }),
      fn,
      'labelsOrTargets',
      '-1 at [1]',
    );
    expectGuard(
      () => smoothLabels(tf.tensor1d([0, 1]), 3, 0.1),
      fn,
      'labelsOrTargets',
      'float32',
    );
  });

  it('throws when targets do not have numClasses columns', () => {
    expectGuard(
      () => smoothLabels(tf.zeros([2, 4]) as Tensor2D, 3, 0.1),
      fn,
      'labelsOrTargets',
      'got [2, 4]',
    );
    expectGuard(
      () => smoothLabels(bad(tf.zeros([2, 3, 1])), 3, 0.1),
      fn,
      'labelsOrTargets',
    );
  });
});
