// `cce train`: supervised training of a backbone on (soft) targets with one
// loss of the @cce/losses registry.
import * as tf from '@tensorflow/tfjs-core';
import type { Backbone } from '@cce/backbones';
import { type Augmentation, gatherRows } from '@cce/datasets';
import { getLoss, type LossEntry } from '@cce/losses';
import type { TrainConfig } from '../config/cluster-config.js';
import { augmentationFor } from '../data/augmentations.js';
import type { TrainingData } from '../data/load-data.js';
import { scoreClassification } from '../eval/score-classification.js';
import { NetworkTask } from '../run/network-task.js';
import type { StepPosition, StepStats } from '../run/training-loop.js';

/** Supervised task: targets `[n, K]` fixed for the whole run. */
export class SupervisedTask extends NetworkTask {
  private readonly loss: LossEntry;
  private readonly augment: Augmentation | undefined;

  constructor(
    readonly trainConfig: TrainConfig,
    data: TrainingData,
    model: Backbone,
    k: number,
    /** Soft targets `[n, K]`, rows on the simplex. */
    readonly targets: Float32Array,
  ) {
    super(trainConfig, data, model, k, scoreClassification);
    this.loss = getLoss(trainConfig.loss);
    this.augment = augmentationFor(trainConfig.augment, data.exampleShape);
  }

  step(indices: Int32Array, position: StepPosition, lr: number): StepStats {
    const rows = indices.length;
    const x = this.augmented(
      this.augment,
      this.batch(indices),
      rows,
      'augment',
      position,
    );
    const input = this.tensor(x, rows);
    const targets = tf.tensor2d(
      gatherRows(this.targets, [this.n, this.k], indices).data,
      [rows, this.k],
    );
    const validate = position.step === 0;
    const value = this.optimise(() => {
      const logits = this.model.apply(input, { training: true });
      return this.loss.fn(targets, logits, { validate }) as tf.Scalar;
    }, lr);
    tf.dispose([input, targets]);
    return { terms: { [this.trainConfig.loss]: value } };
  }
}
