// What every network-training task shares: batches gathered from the train
// split, seeded augmentation, Adam with a cosine learning rate, per-epoch
// evaluation on a fixed training subset and the test split, and the model
// and optimiser files of a checkpoint.
import * as tf from '@tensorflow/tfjs-core';
import type { Backbone } from '@cce/backbones';
import { type Augmentation, gatherRows } from '@cce/datasets';
import type { CommonConfig } from '../config/cluster-config.js';
import type { TrainingData } from '../data/load-data.js';
import { clusterSizes } from '../eval/score-clustering.js';
import { Adam } from '../internal/adam.js';
import type { Optimizer } from '../internal/optimizer.js';
import { Sgd } from '../internal/sgd.js';
import { permutation, streamRng } from '../internal/streams.js';
import { predict } from '../model/predict.js';
import {
  decodeFloat32Arrays,
  encodeFloat32Arrays,
  findNonFinite,
  modelFiles,
} from '../model/state-files.js';
import type { CheckpointFiles } from './checkpoint-store.js';
import type { SplitMetrics } from './epoch-record.js';
import type {
  EvalStats,
  LoopTask,
  StepPosition,
  StepStats,
} from './training-loop.js';

/** Batch size of inference passes. */
export const EVAL_BATCH = 1000;

/** Scores predictions against true labels (clustering or classification). */
export type Scorer = (
  labelsTrue: Int32Array,
  labelsPred: Int32Array,
) => SplitMetrics;

/** Base class of the cluster and train tasks. */
export abstract class NetworkTask implements LoopTask {
  readonly n: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
  readonly evalEvery: number;
  readonly optimizer: Optimizer;
  protected readonly evalRows: Int32Array | undefined;

  constructor(
    readonly config: CommonConfig,
    readonly data: TrainingData,
    readonly model: Backbone,
    /** K: outputs of the network. */
    readonly k: number,
    private readonly scorer: Scorer,
  ) {
    this.n = data.train.n;
    this.batchSize = Math.min(config.batchSize, this.n);
    this.epochs = config.epochs;
    this.seed = config.seed;
    this.evalEvery = config.evalEvery;
    this.optimizer =
      config.optimizer === 'sgd'
        ? new Sgd(model.trainableVariables, config.momentum)
        : new Adam(model.trainableVariables);
    const m = config.evalSamples;
    this.evalRows =
      m > 0 && m < this.n
        ? permutation(this.n, streamRng(this.seed, 'eval-subset'))
            .slice(0, m)
            .sort()
        : undefined;
  }

  /** Cosine decay from `lr` to 0 over the run. */
  lrAt(step: number, totalSteps: number): number {
    return this.config.lr * 0.5 * (1 + Math.cos((Math.PI * step) / totalSteps));
  }

  abstract step(
    indices: Int32Array,
    position: StepPosition,
    lr: number,
  ): StepStats;

  /** Rows `indices` of the train split, `[b, ...exampleShape]`. */
  protected batch(indices: Int32Array): Float32Array {
    return gatherRows(
      this.data.train.x,
      [this.n, ...this.data.exampleShape],
      indices,
    ).data;
  }

  /** `augment(x)` with the stream of (purpose, epoch, batch). */
  protected augmented(
    augment: Augmentation | undefined,
    x: Float32Array,
    rows: number,
    purpose: 'augment' | 'augment-strong',
    { epoch, batch }: StepPosition,
  ): Float32Array {
    if (!augment) return x;
    const shape = [rows, ...this.data.exampleShape];
    return augment(x, shape, streamRng(this.seed, purpose, epoch, batch));
  }

  protected tensor(x: Float32Array, rows: number): tf.Tensor {
    return tf.tensor(x, [rows, ...this.data.exampleShape]);
  }

  /**
   * Gradients of `loss` w.r.t. the trainable variables, then an optimiser step.
   * `loss` runs inside the gradient tape; returns its value.
   */
  protected optimise(loss: () => tf.Scalar, lr: number): number {
    const variables = this.model.trainableVariables;
    const { value, grads } = tf.tidy(() => {
      const result = tf.variableGrads(loss, variables);
      return {
        value: result.value,
        grads: variables.map((v) => result.grads[v.name]!),
      };
    });
    this.optimizer.apply(grads, lr);
    const out = value.dataSync()[0]!;
    tf.dispose([value, ...grads]);
    return out;
  }

  evaluate(): EvalStats {
    const shape = this.data.exampleShape;
    const train = predict(
      this.model,
      this.data.train.x,
      shape,
      EVAL_BATCH,
      this.evalRows,
    );
    const trueTrain = this.data.train.labels;
    const test = this.data.test;
    const testPred = test?.labels
      ? predict(this.model, test.x, shape, EVAL_BATCH)
      : null;
    const subset = (labels: Int32Array) =>
      this.evalRows ? gatherRows(labels, [this.n], this.evalRows).data : labels;
    return {
      train: trueTrain ? this.scorer(subset(trueTrain), train.labels) : null,
      test:
        test?.labels && testPred
          ? this.scorer(test.labels, testPred.labels)
          : null,
      clusterSizes: clusterSizes(train.labels, this.k),
    };
  }

  findNonFiniteWeight(): string | undefined {
    return findNonFinite(this.model);
  }

  saveState(): CheckpointFiles {
    const state = this.optimizer.getState();
    return {
      ...modelFiles(this.model),
      'optimizer.bin': encodeFloat32Arrays(state.slots),
      'optimizer.json': `${JSON.stringify({ step: state.step })}\n`,
    };
  }

  /** Restores what {@link saveState} wrote (the model is rebuilt apart). */
  restoreState(read: (name: string) => Uint8Array): void {
    const slots = decodeFloat32Arrays(read('optimizer.bin'));
    const json = new TextDecoder().decode(read('optimizer.json'));
    const { step } = JSON.parse(json) as { step: number };
    this.optimizer.setState({ step, slots });
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}
