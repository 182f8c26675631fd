// Public types of @cce/backbones: the configuration of each architecture,
// the model object every `create*` function returns and its serialized form.
import type { Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';

/** The architectures this package builds. */
export type Architecture = 'linear' | 'mlp' | 'vgg4' | 'resnet18';

/** Options every architecture takes. */
export interface CommonOptions {
  /**
   * Shape of one example, without the batch axis. Images are `[H, W, C]`
   * (channels last, the TensorFlow.js layout); vectors are `[d]`. The
   * linear head and the MLP flatten any shape to `d = ∏ inputShape`.
   */
  inputShape: readonly number[];
  /** K: number of classes (or clusters), an integer >= 1. */
  numClasses: number;
  /**
   * Seed of the initial weights, a safe integer >= 0: the same seed gives
   * bit-identical weights on every backend.
   */
  seed: number;
}

/** Batch-norm options of the MLP, VGG4 and ResNet-18. */
export interface BatchNormOptions {
  /**
   * Weight of the old moving statistics in the update
   * `moving ← momentum · moving + (1 − momentum) · batch`; in [0, 1),
   * default 0.9 (PyTorch's `momentum=0.1` in its own convention).
   */
  bnMomentum?: number;
  /** ε in `(x − μ) / √(σ² + ε)`, > 0; default 1e-5. */
  bnEpsilon?: number;
}

/** Options of {@link createLinear}. */
export type LinearOptions = CommonOptions;

/** Options of {@link createMlp}. */
export interface MlpOptions extends CommonOptions, BatchNormOptions {
  /** Widths of the hidden layers; default `[1200, 1200]` (IMSAT). */
  hiddenUnits?: readonly number[];
  /** Batch norm after every hidden dense layer; default true. */
  batchNorm?: boolean;
}

/** Options of {@link createVgg4}. */
export interface Vgg4Options extends CommonOptions, BatchNormOptions {
  /** Output channels of the four conv blocks; default [64, 128, 256, 512]. */
  widths?: readonly [number, number, number, number];
}

/** Options of {@link createResNet18}. */
export interface ResNet18Options extends CommonOptions, BatchNormOptions {
  /** Channels of the four stages; default [64, 128, 256, 512]. */
  widths?: readonly [number, number, number, number];
}

/** The complete, resolved configuration of a linear head. */
export interface LinearConfig {
  architecture: 'linear';
  inputShape: number[];
  numClasses: number;
  seed: number;
}

/** The complete, resolved configuration of an MLP. */
export interface MlpConfig {
  architecture: 'mlp';
  inputShape: number[];
  numClasses: number;
  seed: number;
  hiddenUnits: number[];
  batchNorm: boolean;
  bnMomentum: number;
  bnEpsilon: number;
}

/** The complete, resolved configuration of a VGG4. */
export interface Vgg4Config {
  architecture: 'vgg4';
  inputShape: number[];
  numClasses: number;
  seed: number;
  widths: [number, number, number, number];
  bnMomentum: number;
  bnEpsilon: number;
}

/** The complete, resolved configuration of a ResNet-18. */
export interface ResNet18Config {
  architecture: 'resnet18';
  inputShape: number[];
  numClasses: number;
  seed: number;
  widths: [number, number, number, number];
  bnMomentum: number;
  bnEpsilon: number;
}

/** Resolved configuration of any backbone: stored in `model.json`. */
export type BackboneConfig =
  | LinearConfig
  | MlpConfig
  | Vgg4Config
  | ResNet18Config;

/** Options of {@link Backbone.apply}. */
export interface ApplyOptions {
  /**
   * Training mode: batch norm normalises with the batch's statistics and
   * updates its moving mean and variance. Inference mode (default) uses the
   * moving statistics and changes nothing.
   *
   * @remarks Limitation (L-002): every training-mode call updates the
   * moving statistics, so two views of one batch (e.g. IMSAT's augmented
   * pair) update them twice; pass `training: false` for a pass that should
   * not count.
   */
  training?: boolean;
  /** Also return the features the head sees; default false. */
  returnFeatures?: boolean;
}

/** Logits and the penultimate features of a batch. */
export interface LogitsAndFeatures {
  /** `[N, K]` class scores before softmax. */
  logits: Tensor2D;
  /** `[N, F]` input of the final linear layer (F = `featureSize`). */
  features: Tensor2D;
}

/** One tensor of a backbone's state, as listed in the weight manifest. */
export interface NamedVariable {
  /** Path such as `'block1/conv/kernel'` or `'block1/bn/movingMean'`. */
  name: string;
  variable: Variable;
  /** False for batch-norm moving statistics. */
  trainable: boolean;
}

/** Entry of the weight manifest: where one tensor lives in `weights.bin`. */
export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
  /** Byte offset of the first element in the weights buffer. */
  byteOffset: number;
  /** `4 · ∏ shape`. */
  byteLength: number;
  trainable: boolean;
}

/** The JSON half of a saved backbone (`model.json`). */
export interface BackboneManifest {
  format: 'cce-backbone';
  formatVersion: 1;
  architecture: Architecture;
  numClasses: number;
  inputShape: number[];
  config: BackboneConfig;
  numParams: number;
  /** Little-endian float32 values of every entry, back to back. */
  weightsFile: 'weights.bin';
  weightsByteLength: number;
  /** FNV-1a 32-bit hash of the weight bytes, as 8 hex digits. */
  weightsChecksum: string;
  weights: WeightEntry[];
}

/** In-memory checkpoint: what `saveBackbone` writes to two files. */
export interface SerializedBackbone {
  manifest: BackboneManifest;
  /** The contents of `weights.bin`. */
  weights: Uint8Array;
}

/**
 * A network built from explicit `tf.Variable`s and core ops.
 *
 * Train it with `tf.variableGrads(f, model.trainableVariables)` or
 * `optimizer.minimize(f, false, model.trainableVariables)` where `f` calls
 * `model.apply(x, { training: true })`.
 */
export interface Backbone {
  /** The resolved configuration (a copy is stored in `model.json`). */
  readonly config: BackboneConfig;
  /** Number of trainable scalars (batch-norm moving statistics excluded). */
  readonly numParams: number;
  /** F: length of the feature vector returned with `returnFeatures`. */
  readonly featureSize: number;
  /** The variables an optimiser updates, in manifest order. */
  readonly trainableVariables: Variable[];
  /** Every variable, trainable or not, with its name, in manifest order. */
  readonly namedVariables: readonly NamedVariable[];
  /**
   * Forward pass: `[N, ...inputShape]` float32 → `[N, K]` logits.
   *
   * @throws CceError when `x` is not float32 of shape `[N, ...inputShape]`
   *   with N >= 1, or the model was disposed.
   */
  apply(
    x: Tensor,
    options: ApplyOptions & { returnFeatures: true },
  ): LogitsAndFeatures;
  apply(
    x: Tensor,
    options?: ApplyOptions & { returnFeatures?: false },
  ): Tensor2D;
  /** Copies the weights out: manifest + bytes (see {@link BackboneManifest}). */
  serialize(): SerializedBackbone;
  /** Frees every variable; the model cannot be used afterwards. */
  dispose(): void;
  /** True once {@link Backbone.dispose} has run. */
  readonly isDisposed: boolean;
}
