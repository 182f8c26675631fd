// The model object every create* function returns: wraps an architecture's
// forward function and its variables with input checks, training and
// inference modes, serialization and disposal.
import * as tf from '@tensorflow/tfjs-core';
import { CceError, formatShape, formatValue } from '@cce/errors';
import type {
  ApplyOptions,
  Backbone,
  BackboneConfig,
  LogitsAndFeatures,
  NamedVariable,
  SerializedBackbone,
} from '../types.js';
import type { BatchNormSettings } from './layers.js';
import { serializeVariables } from './manifest.js';

/** What an architecture hands to {@link makeBackbone}. */
export interface Network {
  config: BackboneConfig;
  entries: NamedVariable[];
  featureSize: number;
  /** `[N, ...inputShape]` → logits and features, inside a tidy scope. */
  forward(x: tf.Tensor, bn: BatchNormSettings): LogitsAndFeatures;
}

const DEFAULT_BN = { bnMomentum: 0.9, bnEpsilon: 1e-5 };

class BackboneModel implements Backbone {
  readonly config: BackboneConfig;
  readonly numParams: number;
  readonly featureSize: number;
  readonly trainableVariables: tf.Variable[];
  readonly namedVariables: readonly NamedVariable[];
  private disposed = false;

  constructor(private readonly network: Network) {
    this.config = network.config;
    this.featureSize = network.featureSize;
    this.namedVariables = network.entries;
    this.trainableVariables = network.entries
      .filter((e) => e.trainable)
      .map((e) => e.variable);
    this.numParams = this.trainableVariables.reduce((n, v) => n + v.size, 0);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  apply(
    x: tf.Tensor,
    options: ApplyOptions & { returnFeatures: true },
  ): LogitsAndFeatures;
  apply(
    x: tf.Tensor,
    options?: ApplyOptions & { returnFeatures?: false },
  ): tf.Tensor2D;
  apply(
    x: tf.Tensor,
    options: ApplyOptions = {},
  ): tf.Tensor2D | LogitsAndFeatures {
    this.checkAlive('apply');
    this.checkInput(x);
    const config = this.config as Partial<typeof DEFAULT_BN>;
    const bn: BatchNormSettings = {
      training: options.training === true,
      momentum: config.bnMomentum ?? DEFAULT_BN.bnMomentum,
      epsilon: config.bnEpsilon ?? DEFAULT_BN.bnEpsilon,
      pendingUpdates: [],
    };
    const result = tf.tidy(() => {
      const { logits, features } = this.network.forward(x, bn);
      for (const update of bn.pendingUpdates) update();
      return { logits, features };
    });
    if (options.returnFeatures === true) return result;
    result.features.dispose();
    return result.logits;
  }

  serialize(): SerializedBackbone {
    this.checkAlive('serialize');
    return serializeVariables(this.config, this.namedVariables, this.numParams);
  }

  dispose(): void {
    if (this.disposed) return;
    for (const { variable } of this.namedVariables) variable.dispose();
    this.disposed = true;
  }

  private checkAlive(method: string): void {
    if (this.disposed) {
      throw new CceError({
        fn: `Backbone.${method}`,
        argument: 'this',
        expected: 'a model that has not been disposed',
        received: `a disposed ${this.config.architecture}`,
      });
    }
  }

  private checkInput(x: tf.Tensor): void {
    const { inputShape } = this.config;
    const expected = `float32 [N, ${inputShape.join(', ')}] with N >= 1`;
    const isTensor =
      typeof x === 'object' &&
      x !== null &&
      Array.isArray((x as tf.Tensor).shape) &&
      typeof (x as tf.Tensor).dtype === 'string';
    if (!isTensor) {
      throw new CceError({
        fn: 'Backbone.apply',
        argument: 'x',
        expected: `a tensor ${expected}`,
        received: formatValue(x),
      });
    }
    const shapeOk =
      x.rank === inputShape.length + 1 &&
      x.shape[0]! >= 1 &&
      inputShape.every((d, i) => x.shape[i + 1] === d);
    if (!shapeOk || x.dtype !== 'float32') {
      throw new CceError({
        fn: 'Backbone.apply',
        argument: 'x',
        expected: expected,
        received: `${x.dtype} ${formatShape(x.shape)}`,
      });
    }
  }
}

/** Wraps a network into the public {@link Backbone} object. */
export function makeBackbone(network: Network): Backbone {
  return new BackboneModel(network);
}
