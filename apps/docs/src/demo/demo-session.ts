// One run of the in-browser demo: a small MLP trained on 2-D toy data, by
// self-labeling (pseudo-labels from @cce/em-solver, loss from @cce/losses)
// or from noisy Dirichlet soft labels (@cce/datasets), scored with
// @cce/metrics. The same code runs in Node for the demo's unit tests.
import * as tf from '@tensorflow/tfjs-core';
import { dirichletNoiseLabels } from '@cce/datasets/browser';
import { collisionCrossEntropy, softCrossEntropy } from '@cce/losses';
import { accuracy, clusteringAccuracy } from '@cce/metrics';
import { createMlp, type Mlp } from './mlp.js';
import type { DemoSettings } from './settings.js';
import {
  createPseudoLabelStep,
  type PseudoLabelStep,
} from './solve-pseudo-labels.js';
import { makeToyData, type ToyData } from './toy-data.js';

/** Hidden layer widths of the demo's MLP. */
const HIDDEN = [32, 32];
/** Adam's learning rate; full-batch steps on a few hundred points. */
const LEARNING_RATE = 0.02;

/** What the page shows after a step. */
export interface DemoSnapshot {
  step: number;
  /** Network loss of the last step (NaN before the first). */
  loss: number;
  /** Clustering accuracy on the training points, or test accuracy. */
  accuracy: number;
  accuracyLabel: string;
  /** Predicted class (argmax σ) of each scored point `[M]`. */
  predicted: Int32Array;
  /** `[N, K]` pseudo-labels (cluster mode) or the noisy soft labels. */
  targets: Float32Array;
  /** Points per class under argmax of `targets`. */
  targetSizes: number[];
  done: boolean;
}

/** A demo run: create, step until done, dispose. */
export class DemoSession {
  readonly data: ToyData;
  private readonly mlp: Mlp;
  private readonly optimizer: tf.Optimizer;
  private readonly xTrain: tf.Tensor2D;
  private readonly xTest: tf.Tensor2D;
  private targets: Float32Array;
  private readonly solvePseudoLabels: PseudoLabelStep | undefined;
  private stepCount = 0;
  private lastLoss = Number.NaN;

  constructor(readonly settings: DemoSettings) {
    this.data = makeToyData(settings);
    const { train, test, numClasses: k } = this.data;
    const n = train.labels.length;
    this.xTrain = tf.tensor2d(train.x, [n, 2]);
    this.xTest = tf.tensor2d(test.x, [test.labels.length, 2]);
    this.mlp = createMlp([2, ...HIDDEN, k], settings.seed);
    this.optimizer = tf.train.adam(LEARNING_RATE);
    this.targets =
      settings.mode === 'supervised'
        ? dirichletNoiseLabels({
            labels: train.labels,
            numClasses: k,
            eta: settings.eta,
            seed: settings.seed,
          })
        : this.predict(this.xTrain); // warm start: y = σ
    this.solvePseudoLabels =
      settings.mode === 'cluster'
        ? createPseudoLabelStep(settings.loss, n, k, settings.lambda)
        : undefined;
  }

  get done(): boolean {
    return this.stepCount >= this.settings.maxSteps;
  }

  /**
   * One training step. Cluster mode: predict σ, solve the pseudo-labels
   * with σ fixed (warm-started from the previous ones), then one Adam step
   * on the loss between them and the logits. Supervised mode: one Adam step
   * on the loss between the fixed noisy soft labels and the logits.
   */
  step(): void {
    if (this.done) return;
    const { numClasses: k } = this.data;
    const n = this.data.train.labels.length;
    this.solvePseudoLabels?.(this.predict(this.xTrain), this.targets);

    const lossFn =
      this.settings.loss === 'collision'
        ? collisionCrossEntropy
        : softCrossEntropy;
    const targets = tf.tensor2d(this.targets, [n, k]);
    const cost = this.optimizer.minimize(
      () => lossFn(targets, this.mlp.apply(this.xTrain)),
      true,
      this.mlp.variables,
    );
    this.lastLoss = cost ? (cost.dataSync()[0] ?? Number.NaN) : Number.NaN;
    cost?.dispose();
    targets.dispose();
    this.stepCount += 1;
  }

  /** The state the page renders. */
  snapshot(): DemoSnapshot {
    const cluster = this.settings.mode === 'cluster';
    const k = this.data.numClasses;
    const predicted = argmaxRows(
      this.predict(cluster ? this.xTrain : this.xTest),
      k,
    );
    const score = cluster
      ? clusteringAccuracy(this.data.train.labels, predicted).accuracy
      : accuracy(this.data.test.labels, predicted);
    const sizes = new Array<number>(k).fill(0);
    for (const c of argmaxRows(this.targets, k)) sizes[c]! += 1;
    return {
      step: this.stepCount,
      loss: this.lastLoss,
      accuracy: score,
      accuracyLabel: cluster
        ? 'clustering accuracy (training points)'
        : 'accuracy (clean test points)',
      predicted,
      targets: this.targets,
      targetSizes: sizes,
      done: this.done,
    };
  }

  /** Softmax `[res·res, K]` on a res × res grid over the view, row 0 on top. */
  predictGrid(res: number): Float32Array {
    const { lo, hi } = this.data.view;
    const points = new Float32Array(res * res * 2);
    for (let r = 0; r < res; r++) {
      for (let c = 0; c < res; c++) {
        const i = r * res + c;
        points[2 * i] = lo + ((c + 0.5) / res) * (hi - lo);
        points[2 * i + 1] = hi - ((r + 0.5) / res) * (hi - lo);
      }
    }
    const grid = tf.tensor2d(points, [res * res, 2]);
    const probs = this.predict(grid);
    grid.dispose();
    return probs;
  }

  dispose(): void {
    this.mlp.dispose();
    this.optimizer.dispose();
    this.xTrain.dispose();
    this.xTest.dispose();
  }

  private predict(x: tf.Tensor2D): Float32Array {
    const probs = tf.tidy(() => tf.softmax(this.mlp.apply(x)));
    const values = probs.dataSync() as Float32Array;
    probs.dispose();
    return values;
  }
}

/** Row-wise argmax of a row-major `[N, K]` matrix. */
export function argmaxRows(values: Float32Array, k: number): Int32Array {
  const n = values.length / k;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) {
      if (values[i * k + c]! > values[i * k + best]!) best = c;
    }
    out[i] = best;
  }
  return out;
}
