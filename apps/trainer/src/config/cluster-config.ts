// The resolved settings of `cce cluster` and `cce train`: what a run folder
// stores in config.json, after presets, the config file and flags merged.
import type {
  AugmentName,
  BackboneName,
  BackendChoice,
  DatasetName,
  LabelNoiseName,
  Objective,
  OptimizerName,
  TrainLoss,
} from './fields.js';

/** Settings shared by the training commands. */
export interface CommonConfig {
  dataset: DatasetName;
  dataDir?: string;
  features?: string;
  labels?: string;
  samples?: number;
  backbone: BackboneName;
  hidden: number[];
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: OptimizerName;
  momentum: number;
  augment: AugmentName;
  evalSamples: number;
  /** Evaluate after every n-th epoch and after the last. */
  evalEvery: number;
  seed: number;
  backend: BackendChoice;
  threads?: number;
}

/** Resolved settings of `cce cluster`. */
export interface ClusterConfig extends CommonConfig {
  command: 'cluster';
  /** K; filled from the data set when not given. */
  clusters?: number;
  objective: Objective;
  lambda: number;
  emIterations: number;
  emTolerance: number;
  twoView: boolean;
  /** Weight μ of KL(u ‖ σ̄) in the network term (self-labeling). */
  netFairness: number;
  consistency: number;
}

/** Resolved settings of `cce train`. */
export interface TrainConfig extends CommonConfig {
  command: 'train';
  loss: TrainLoss;
  softLabels?: string;
  labelNoise: LabelNoiseName;
  eta: number;
}
