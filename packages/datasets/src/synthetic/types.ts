// Result type shared by the synthetic data generators.

/** A labelled point cloud `[N, D]` from a synthetic generator. */
export interface SyntheticDataset {
  /** Row-major `[N, D]`. */
  features: Float32Array;
  /** Class ids `[N]` in [0, numClasses). */
  labels: Int32Array;
  /** `[N, D]`. */
  shape: [number, number];
  /** Number of classes K. */
  numClasses: number;
}
