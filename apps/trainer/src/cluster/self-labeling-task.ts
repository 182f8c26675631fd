// One training run of self-labeling deep clustering (DESIGN.md): per batch,
// σ = softmax(network(x)) without gradient → pseudo-labels y from the
// solver, warm-started from the stored y (σ on first sight) → optimiser
// step on the network term with y fixed. Also the pseudo-label-free IMSAT
// baseline (mutual information + augmentation consistency).
import * as tf from '@tensorflow/tfjs-core';
import type { Backbone } from '@cce/backbones';
import { type Augmentation, gatherRows } from '@cce/datasets';
import {
  collisionCrossEntropy,
  klDivergence,
  mutualInformationLoss,
  reverseCrossEntropy,
  softCrossEntropy,
} from '@cce/losses';
import type { ClusterConfig } from '../config/cluster-config.js';
import { augmentationFor } from '../data/augmentations.js';
import type { TrainingData } from '../data/load-data.js';
import { scoreClustering } from '../eval/score-clustering.js';
import { stopGradient } from '../internal/stop-gradient.js';
import {
  decodeFloat32Arrays,
  encodeFloat32Arrays,
} from '../model/state-files.js';
import type { CheckpointFiles } from '../run/checkpoint-store.js';
import { NetworkTask } from '../run/network-task.js';
import type { StepPosition, StepStats } from '../run/training-loop.js';
import { predictionFairness } from './prediction-fairness.js';
import { solvePseudoLabels } from './solve-pseudo-labels.js';

/** ln y is floored at this value in the reverse network term H(σ, y). */
export const REVERSE_LOG_FLOOR = -30;

type SelfLabelObjective = 'collision' | 'reverse' | 'forward' | 'sela';

/** The cluster command's task for the training loop. */
export class SelfLabelingTask extends NetworkTask {
  /** Stored pseudo-labels `[n, K]`; rows of unseen examples are 0. */
  readonly pseudoLabels: Float32Array;
  /** 1 where an example has stored pseudo-labels. */
  readonly seen: Uint8Array;
  private readonly augment: Augmentation | undefined;
  private readonly strongAugment: Augmentation | undefined;

  constructor(
    readonly clusterConfig: ClusterConfig & { clusters: number },
    data: TrainingData,
    model: Backbone,
  ) {
    super(clusterConfig, data, model, clusterConfig.clusters, scoreClustering);
    this.pseudoLabels = new Float32Array(this.n * this.k);
    this.seen = new Uint8Array(this.n);
    const { twoView, augment } = clusterConfig;
    this.augment = augmentationFor(
      twoView ? 'weak' : augment,
      data.exampleShape,
    );
    this.strongAugment = twoView
      ? augmentationFor('strong', data.exampleShape)
      : undefined;
  }

  step(indices: Int32Array, position: StepPosition, lr: number): StepStats {
    const x = this.batch(indices);
    const rows = indices.length;
    const weak = this.augmented(this.augment, x, rows, 'augment', position);
    if (this.clusterConfig.objective === 'imsat') {
      return this.imsatStep(x, weak, rows, lr, position.step === 0);
    }
    const strong = this.strongAugment
      ? this.augmented(this.strongAugment, x, rows, 'augment-strong', position)
      : undefined;
    return this.selfLabelStep(weak, strong, indices, lr, position.step === 0);
  }

  // `main` gives σ for the pseudo-labels; the loss is on `strong` when given
  // (two-view), else on `main` in the same forward pass.
  private selfLabelStep(
    main: Float32Array,
    strong: Float32Array | undefined,
    indices: Int32Array,
    lr: number,
    validate: boolean,
  ): StepStats {
    const rows = indices.length;
    let probs: Float32Array | undefined;
    if (strong) {
      const p = tf.tidy(() =>
        tf.softmax(this.model.apply(this.tensor(main, rows))),
      );
      probs = p.dataSync() as Float32Array;
      p.dispose();
    }
    let solved = { iterations: 0, entropy: 0, fairness: 0 };
    let netFairness: number | undefined;
    const input = this.tensor(strong ?? main, rows);
    const loss = this.optimise(() => {
      const logits = this.model.apply(input, { training: true });
      // σ without gradient: read back, used only as data by the solver.
      probs ??= tf.softmax(logits).dataSync() as Float32Array;
      solved = this.updatePseudoLabels(indices, probs);
      const targets = tf.tensor2d(
        gatherRows(this.pseudoLabels, [this.n, this.k], indices).data,
        [rows, this.k],
      );
      const term = this.networkTerm(targets, logits, validate);
      const mu = this.clusterConfig.netFairness;
      if (!(mu > 0)) return term;
      const balance = predictionFairness(logits);
      netFairness = balance.dataSync()[0]!;
      return tf.add(term, tf.mul(balance, mu)) as tf.Scalar;
    }, lr);
    input.dispose();
    return {
      terms: {
        [this.clusterConfig.objective]: loss,
        fairness: solved.fairness,
        ...(netFairness === undefined ? {} : { netFairness }),
      },
      emIterations: solved.iterations,
      pseudoLabelEntropy: solved.entropy,
    };
  }

  private networkTerm(
    targets: tf.Tensor2D,
    logits: tf.Tensor2D,
    validate: boolean,
  ): tf.Scalar {
    switch (this.clusterConfig.objective) {
      case 'collision':
        return collisionCrossEntropy(targets, logits, { validate });
      case 'reverse':
        return reverseCrossEntropy(targets, logits, {
          logFloor: REVERSE_LOG_FLOOR,
          validate,
        });
      default:
        return softCrossEntropy(targets, logits, { validate });
    }
  }

  // Solves the batch's y-problem warm-started from the stored labels (σ on
  // first sight) and stores the solution.
  private updatePseudoLabels(
    indices: Int32Array,
    probs: Float32Array,
  ): { iterations: number; entropy: number; fairness: number } {
    const k = this.k;
    const rows = indices.length;
    const init = new Float32Array(rows * k);
    for (let i = 0; i < rows; i++) {
      const r = indices[i]!;
      const source = this.seen[r]
        ? this.pseudoLabels.subarray(r * k, (r + 1) * k)
        : probs.subarray(i * k, (i + 1) * k);
      init.set(source, i * k);
    }
    const solution = solvePseudoLabels({
      objective: this.clusterConfig.objective as SelfLabelObjective,
      probs,
      init,
      numExamples: rows,
      numClasses: k,
      lambda: this.clusterConfig.lambda,
      maxIterations: this.clusterConfig.emIterations,
      tolerance: this.clusterConfig.emTolerance,
    });
    let entropy = 0;
    const mean = new Float64Array(k);
    for (let i = 0; i < rows; i++) {
      const r = indices[i]!;
      for (let c = 0; c < k; c++) {
        const y = solution.pseudoLabels[i * k + c]!;
        this.pseudoLabels[r * k + c] = y;
        if (y > 0) entropy -= y * Math.log(y);
        mean[c]! += y / rows;
      }
      this.seen[r] = 1;
    }
    // KL(u ‖ ȳ) = −ln K − (1/K) Σ_k ln ȳ_k: the strong fairness term.
    let fairness = -Math.log(k);
    for (let c = 0; c < k; c++) fairness -= Math.log(mean[c]!) / k;
    return {
      iterations: solution.iterations,
      entropy: entropy / rows,
      fairness,
    };
  }

  private imsatStep(
    clean: Float32Array,
    augmented: Float32Array,
    rows: number,
    lr: number,
    validate: boolean,
  ): StepStats {
    const { lambda, consistency: weight } = this.clusterConfig;
    const k = this.k;
    let mi: tf.Scalar | undefined;
    let kl: tf.Scalar | undefined;
    const joined = new Float32Array(clean.length * 2);
    joined.set(clean);
    joined.set(augmented, clean.length);
    const both = this.tensor(joined, 2 * rows);
    const loss = this.optimise(() => {
      const logits = this.model.apply(both, { training: true });
      const first = tf.slice(logits, [0, 0], [rows, k]);
      const second = tf.slice(logits, [rows, 0], [rows, k]);
      const miTerm = mutualInformationLoss(first, {
        marginalWeight: lambda,
        validate,
      });
      // KL(σ(x) ‖ σ(aug x)) with σ(x) held fixed, as in IMSAT's VAT term.
      const target = stopGradient(tf.softmax(first));
      const klTerm = klDivergence(target, second);
      mi = tf.keep(tf.clone(miTerm));
      kl = tf.keep(tf.clone(klTerm));
      return tf.add(miTerm, tf.mul(klTerm, weight)) as tf.Scalar;
    }, lr);
    both.dispose();
    const terms = {
      imsat: loss,
      mi: mi!.dataSync()[0]!,
      consistency: kl!.dataSync()[0]!,
    };
    tf.dispose([mi!, kl!]);
    return { terms };
  }

  override saveState(): CheckpointFiles {
    return {
      ...super.saveState(),
      'pseudo-labels.bin': encodeFloat32Arrays([this.pseudoLabels]),
      'seen.bin': this.seen.slice(),
    };
  }

  override restoreState(read: (name: string) => Uint8Array): void {
    super.restoreState(read);
    this.pseudoLabels.set(decodeFloat32Arrays(read('pseudo-labels.bin'))[0]!);
    this.seen.set(read('seen.bin'));
  }
}
