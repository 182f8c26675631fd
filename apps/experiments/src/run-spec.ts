// What one experiment run is: the `cce` arguments that define it, an id
// that names its result file, and the labels the reports group it by.

/** One `cce train` or `cce cluster` run of an experiment. */
export interface RunSpec {
  /** File-name-safe id, unique within the experiment, e.g. `short-mnist-collision-eta0.8-seed0`. */
  id: string;
  /** `e1` or `e2`. */
  experiment: string;
  /** Arguments after `cce` (no output flags: the runner adds them). */
  args: string[];
  /** Labels for grouping, e.g. `{ regime, dataset, loss, eta }`. */
  group: Record<string, string | number>;
  seed: number;
  /** Lower runs first (cheap runs before expensive ones). */
  order: number;
}

/** An experiment's history of one epoch, kept from `epochs.jsonl`. */
export interface EpochSummary {
  epoch: number;
  /** Mean of each loss term over the epoch. */
  loss: Record<string, number>;
  trainAcc: number | null;
  testAcc: number | null;
  seconds: number;
}

/** The part of the trainer's `--json` RunResult the reports use. */
export interface CceResult {
  command: string;
  dataset: string;
  method: string;
  backbone: string | null;
  clusters: number;
  acc: number | null;
  nmi: number | null;
  ari: number | null;
  train: SplitScores | null;
  test: SplitScores | null;
  clusterSizes: number[];
  epochs: number;
  seed: number;
  backend: string;
  seconds: number;
  runDir: string;
}

/** ACC, NMI, ARI of one split. */
export interface SplitScores {
  acc: number;
  nmi: number;
  ari: number;
  samples: number;
}

/** A finished run: what its JSON file under `<exp>/per-run/` holds. */
export interface RunRecord {
  id: string;
  experiment: string;
  status: 'ok';
  group: Record<string, string | number>;
  seed: number;
  /** The exact command line. */
  command: string;
  args: string[];
  result: CceResult;
  history: EpochSummary[];
  /**
   * counts[cluster][label] on the training split, from predictions.csv
   * (cluster runs with labels; absent in old files).
   */
  composition?: number[][];
  /** When the run finished (ISO time). */
  finished: string;
  /** Build of trainer and packages (newest dist mtime); absent in old files. */
  build?: string;
}

/** A run that exited non-zero: reported, never cached. */
export interface RunFailure {
  id: string;
  experiment: string;
  status: 'failed';
  group: Record<string, string | number>;
  seed: number;
  command: string;
  args: string[];
  exitCode: number | null;
  /** The last line the trainer wrote on stderr. */
  error: string;
}

/** Outcome of a planned run. */
export type RunOutcome = RunRecord | RunFailure;
