// A linear classification head over fixed features (for example embeddings
// from a pretrained network): logits = x W + b.
import * as tf from '@tensorflow/tfjs-core';
import { makeBackbone } from './internal/backbone.js';
import { dense } from './internal/layers.js';
import { ParameterStore } from './internal/params.js';
import { resolveCommon } from './internal/validate.js';
import type { Backbone, LinearConfig, LinearOptions } from './types.js';

/**
 * Creates a linear head `logits = x W + b` over `d = ∏ inputShape` inputs
 * (an input of rank > 1 is flattened).
 *
 * Parameters: `W` `[d, K]` (Glorot-uniform from the seed) and `b` `[K]`
 * (zeros), so `numParams = d·K + K`; e.g. d = 512, K = 10 gives 5130. The
 * features returned with `returnFeatures` are the flattened input `[N, d]`.
 * There is no batch norm: training and inference modes agree.
 *
 * @param options - `{ inputShape, numClasses, seed }`.
 * @returns a {@link Backbone}; call `dispose()` when done.
 * @see Glorot & Bengio (2010), the Glorot-uniform initialiser.
 * @throws CceError when `inputShape` is not a non-empty array of integers
 *   >= 1, `numClasses` is not an integer >= 1 or `seed` is not a safe
 *   integer >= 0.
 * @example
 * ```ts
 * const head = createLinear({ inputShape: [512], numClasses: 10, seed: 0 });
 * head.numParams; // 5130
 * const logits = head.apply(tf.zeros([4, 512])); // [4, 10], all 0
 * ```
 */
export function createLinear(options: LinearOptions): Backbone {
  return buildLinear(resolveLinearConfig(options), true);
}

/** Checks linear-head options and fills in the defaults. */
export function resolveLinearConfig(options: unknown): LinearConfig {
  return {
    architecture: 'linear',
    ...resolveCommon('createLinear', options, false),
  };
}

/** Builds a linear head from a checked config (also used by loading). */
export function buildLinear(
  config: LinearConfig,
  initialise: boolean,
): Backbone {
  const d = config.inputShape.reduce((a, b) => a * b, 1);
  const store = new ParameterStore(config.seed, initialise);
  const kernel = store.add(
    'head/kernel',
    [d, config.numClasses],
    'glorot-uniform',
  );
  const bias = store.add('head/bias', [config.numClasses], 'zeros');
  return makeBackbone({
    config,
    entries: store.entries,
    featureSize: d,
    forward: (x) => {
      const features = tf.reshape(x, [x.shape[0]!, d]) as tf.Tensor2D;
      return { logits: dense(features, kernel, bias), features };
    },
  });
}
