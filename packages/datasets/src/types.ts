// Shared result types of the @cce/datasets readers and loaders.

/**
 * An image data set in NHWC layout: image n, row y, column x, channel c is
 * `images[((n * H + y) * W + x) * C + c]`.
 */
export interface ImageDataset {
  /** Pixel values in [0, 1], `[N, H, W, C]` row-major (NHWC). */
  images: Float32Array;
  /** Class ids in [0, numClasses), `[N]`; -1 where a split is unlabeled. */
  labels: Int32Array;
  /** `[N, H, W, C]`. */
  shape: [number, number, number, number];
  /** Number of classes K. */
  numClasses: number;
  /** Class names, index = class id (length K). */
  classNames: readonly string[];
}

/** A feature matrix with optional labels, as read from .npy or CSV. */
export interface FeatureDataset {
  /** Row-major `[N, D]`, all finite. */
  features: Float32Array;
  /** `[N, D]`. */
  shape: [number, number];
  /** Class ids `[N]`, when the source has a label column. */
  labels?: Int32Array;
  /** Label names when the labels were strings: id = index here. */
  labelNames?: readonly string[];
  /** Column names of the features, when the CSV has a header. */
  columnNames?: readonly string[];
}
