// The per-epoch record a run appends to `epochs.jsonl` and keeps in its
// checkpoint (so a resumed run writes the same history).

/** ACC, NMI and ARI of one split. */
export interface SplitMetrics {
  acc: number;
  nmi: number;
  ari: number;
  /** Examples scored. */
  samples: number;
}

/** One line of `epochs.jsonl`. */
export interface EpochRecord {
  /** 1-based epoch. */
  epoch: number;
  /** Optimiser steps so far. */
  step: number;
  /** Mean of each loss term over the epoch's batches, e.g. `{ collision }`. */
  loss: Record<string, number>;
  /** Learning rate at the end of the epoch. */
  lr: number;
  /**
   * Metrics on (a subset of) the training split; null without labels and
   * on epochs `--eval-every` skips.
   */
  train: SplitMetrics | null;
  /** Metrics on the test split; null when there is none, no labels, or a skipped epoch. */
  test: SplitMetrics | null;
  /** Mean Shannon entropy (nats) of the stored pseudo-labels of the epoch. */
  pseudoLabelEntropy: number | null;
  /** Mean and largest solver iterations per batch. */
  emIterations: { mean: number; max: number } | null;
  /** Examples per predicted cluster on the evaluated training examples; null on a skipped epoch. */
  clusterSizes: number[] | null;
  /** Training examples per second (optimiser steps only). */
  imagesPerSecond: number;
  /** Wall time of the epoch, evaluation included, in seconds. */
  seconds: number;
}
