// The final result of a training command: what `--json` prints, what
// `result.json` holds and what the report summarises.
import type { SplitMetrics } from './epoch-record.js';

/** Final result of `cce cluster` or `cce train`. */
export interface RunResult {
  command: 'cluster' | 'train';
  dataset: string;
  /** Clustering objective (cluster) or loss (train). */
  method: string;
  backbone: string | null;
  /** K. */
  clusters: number;
  /**
   * Headline scores: all training examples for `cluster` (the data that
   * was clustered), the test split for `train` when there is one. Null
   * without ground-truth labels.
   */
  acc: number | null;
  nmi: number | null;
  ari: number | null;
  train: SplitMetrics | null;
  test: SplitMetrics | null;
  /** Examples per predicted cluster over the training split. */
  clusterSizes: number[];
  epochs: number;
  seed: number;
  backend: string;
  /** Wall time of this command (after --resume: of the resumed part), in seconds. */
  seconds: number;
  /**
   * Summed wall time of every epoch of the run in seconds, evaluation
   * included, counting the epochs (and the part of an epoch) finished
   * before a --resume.
   */
  trainingSeconds: number;
  runDir: string;
}
