// A multilayer perceptron d–h₁–…–K with ReLU and optional batch norm, as
// IMSAT (Hu et al., 2017) uses on raw pixels: d–1200–1200–K.
import * as tf from '@tensorflow/tfjs-core';
import { CceError, formatValue } from '@cce/errors';
import { makeBackbone } from './internal/backbone.js';
import { batchNorm, dense } from './internal/layers.js';
import { ParameterStore } from './internal/params.js';
import {
  checkPositiveInteger,
  resolveBatchNorm,
  resolveCommon,
} from './internal/validate.js';
import type { Backbone, MlpConfig, MlpOptions } from './types.js';

const FN = 'createMlp';

/**
 * Creates an MLP: for each hidden width h, `dense → [batch norm] → ReLU`,
 * then a dense head to K logits. The input is flattened to
 * `d = ∏ inputShape`.
 *
 * A hidden layer with batch norm has no bias (β plays its role): with
 * widths h₀ = d, h₁, …, h_L it holds `h_{i−1}·h_i + 2·h_i` trainable
 * parameters (kernel, γ, β) and `2·h_i` moving statistics; without batch
 * norm `h_{i−1}·h_i + h_i`. The head adds `h_L·K + K`. For IMSAT's
 * 784–1200–1200–10 with batch norm:
 * `784·1200 + 2400 + 1200·1200 + 2400 + 1200·10 + 10 = 2 397 610`.
 * Kernels are He-normal, the head Glorot-uniform, all from the seed. The
 * features are the last hidden activations `[N, h_L]`.
 *
 * @param options - `{ inputShape, numClasses, seed, hiddenUnits = [1200,
 *   1200], batchNorm = true, bnMomentum = 0.9, bnEpsilon = 1e-5 }`.
 * @returns a {@link Backbone}. Training with batch norm needs N >= 2.
 * @see arXiv:1702.08720 (IMSAT, the d–1200–1200–K network);
 *   arXiv:1502.03167 (batch norm); arXiv:1502.01852 (He initialisation).
 * @throws CceError for a bad `inputShape`, `numClasses`, `seed`,
 *   `hiddenUnits` (integers >= 1), `batchNorm` (boolean), `bnMomentum`
 *   (in [0, 1)) or `bnEpsilon` (> 0).
 * @example
 * ```ts
 * const mlp = createMlp({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
 * mlp.numParams; // 2397610
 * ```
 */
export function createMlp(options: MlpOptions): Backbone {
  return buildMlp(resolveMlpConfig(options), true);
}

/** Checks MLP options and fills in the defaults. */
export function resolveMlpConfig(value: unknown): MlpConfig {
  const common = resolveCommon(FN, value, false);
  const options = value as MlpOptions;
  const hiddenUnits = options.hiddenUnits ?? [1200, 1200];
  if (!Array.isArray(hiddenUnits)) {
    throw new CceError({
      fn: FN,
      argument: 'hiddenUnits',
      expected: 'an array of integers >= 1',
      received: formatValue(hiddenUnits),
    });
  }
  hiddenUnits.forEach((h, i) => {
    checkPositiveInteger(FN, `hiddenUnits[${i}]`, h);
  });
  const useBatchNorm = options.batchNorm ?? true;
  if (typeof useBatchNorm !== 'boolean') {
    throw new CceError({
      fn: FN,
      argument: 'batchNorm',
      expected: 'a boolean',
      received: formatValue(useBatchNorm),
    });
  }
  return {
    architecture: 'mlp',
    ...common,
    hiddenUnits: [...hiddenUnits],
    batchNorm: useBatchNorm,
    ...resolveBatchNorm(FN, options),
  };
}

/** Builds an MLP from a checked config (also used by loading). */
export function buildMlp(config: MlpConfig, initialise: boolean): Backbone {
  const d = config.inputShape.reduce((a, b) => a * b, 1);
  const store = new ParameterStore(config.seed, initialise);
  const widths = [d, ...config.hiddenUnits];
  const hidden = config.hiddenUnits.map((h, i) => {
    const prefix = `hidden${i + 1}`;
    const kernel = store.add(`${prefix}/kernel`, [widths[i]!, h], 'he-normal');
    return config.batchNorm
      ? { kernel, bn: store.addBatchNorm(`${prefix}/bn`, h) }
      : { kernel, bias: store.add(`${prefix}/bias`, [h], 'zeros') };
  });
  const featureSize = widths.at(-1)!;
  const head = store.add(
    'head/kernel',
    [featureSize, config.numClasses],
    'glorot-uniform',
  );
  const headBias = store.add('head/bias', [config.numClasses], 'zeros');

  return makeBackbone({
    config,
    entries: store.entries,
    featureSize,
    forward: (x, bn) => {
      let h = tf.reshape(x, [x.shape[0]!, d]) as tf.Tensor2D;
      for (const layer of hidden) {
        h = dense(h, layer.kernel, layer.bias);
        if (layer.bn) h = batchNorm(h, layer.bn, bn);
        h = tf.relu(h);
      }
      return { logits: dense(h, head, headBias), features: h };
    },
  });
}
