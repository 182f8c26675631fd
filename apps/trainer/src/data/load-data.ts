// Loads the data set a command asks for through @cce/datasets and puts it
// in one shape for the trainer: a train split, an optional test split, the
// shape of one example and the number of classes.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  loadCifar10,
  loadCifar100,
  loadFashionMnist,
  loadFeatures,
  loadMnist,
  loadStl10,
  makeGaussianMixture,
} from '@cce/datasets';
import { usageError } from '../cli/usage-error.js';
import type { DatasetName } from '../config/fields.js';

/** One split: examples row-major `[n, ...exampleShape]` and labels. */
export interface Split {
  x: Float32Array;
  /** Class ids `[n]`, or null when the split has no labels. */
  labels: Int32Array | null;
  n: number;
}

/** A data set ready for training. */
export interface TrainingData {
  name: DatasetName;
  /** Shape of one example: `[H, W, C]` for images, `[d]` for vectors. */
  exampleShape: number[];
  /** Number of true classes, or null when unknown (features without labels). */
  numClasses: number | null;
  train: Split;
  test: Split | null;
  /** True for images (augmentation applies). */
  isImage: boolean;
}

/** What {@link loadData} needs from the resolved settings. */
export interface DataRequest {
  dataset: DatasetName;
  dataDir?: string;
  features?: string;
  labels?: string;
  samples?: number;
  /** K for synthetic data. */
  clusters?: number;
  seed: number;
}

/** Dimension and class separation (in σ) of `--dataset synthetic`. */
export const SYNTHETIC_DIM = 8;
export const SYNTHETIC_SEPARATION = 6;
const SYNTHETIC_DEFAULT_K = 5;
const SYNTHETIC_DEFAULT_N = 2000;

/**
 * Loads `request.dataset`, relative paths taken from `cwd`.
 *
 * @throws UsageError when a required flag (`--data-dir`, `--features`) is
 *   missing; CceError from @cce/datasets for unreadable or damaged files.
 */
export function loadData(
  command: string,
  request: DataRequest,
  cwd: string,
): TrainingData {
  const limit = request.samples;
  const dir = () => resolve(cwd, requireDataDir(command, request));
  switch (request.dataset) {
    case 'mnist':
      return fromImages(
        'mnist',
        loadMnist({ split: 'train', limit }),
        loadMnist({ split: 'test' }),
      );
    case 'fashion-mnist':
      return fromImages(
        'fashion-mnist',
        loadFashionMnist({ dir: dir(), split: 'train', limit }),
        loadFashionMnist({ dir: dir(), split: 'test' }),
      );
    case 'cifar10':
      return fromImages(
        'cifar10',
        loadCifar10({ dir: dir(), split: 'train', limit }),
        loadCifar10({ dir: dir(), split: 'test' }),
      );
    case 'cifar100-20':
      return fromImages(
        'cifar100-20',
        loadCifar100({
          dir: dir(),
          split: 'train',
          labelMode: 'coarse',
          limit,
        }),
        loadCifar100({ dir: dir(), split: 'test', labelMode: 'coarse' }),
      );
    case 'stl10':
      return fromImages(
        'stl10',
        loadStl10({ dir: dir(), split: 'train', limit }),
        loadStl10({ dir: dir(), split: 'test' }),
      );
    case 'synthetic':
      return synthetic(request);
    case 'features':
      return features(command, request, cwd);
  }
}

/**
 * Where Debian's `dataset-fashion-mnist` package puts the four official IDX
 * files; `--dataset fashion-mnist` reads them there when `--data-dir` is
 * not given.
 */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

function requireDataDir(command: string, request: DataRequest): string {
  if (request.dataDir === undefined) {
    if (
      request.dataset === 'fashion-mnist' &&
      existsSync(DEBIAN_FASHION_MNIST_DIR)
    ) {
      return DEBIAN_FASHION_MNIST_DIR;
    }
    throw usageError(
      command,
      '--data-dir',
      request.dataset === 'fashion-mnist'
        ? `a folder with the fashion-mnist IDX files (it is not embedded; or install the Debian package dataset-fashion-mnist, read from ${DEBIAN_FASHION_MNIST_DIR})`
        : `a folder with the ${request.dataset} files (it is not embedded)`,
      'nothing',
    );
  }
  return request.dataDir;
}

interface Images {
  images: Float32Array;
  labels: Int32Array;
  shape: [number, number, number, number];
  numClasses: number;
}

function fromImages(
  name: DatasetName,
  train: Images,
  test: Images,
): TrainingData {
  const split = (d: Images): Split => ({
    x: d.images,
    labels: d.labels.some((t) => t < 0) ? null : d.labels,
    n: d.shape[0],
  });
  return {
    name,
    exampleShape: train.shape.slice(1),
    numClasses: train.numClasses,
    train: split(train),
    test: split(test),
    isImage: true,
  };
}

function synthetic(request: DataRequest): TrainingData {
  const data = makeGaussianMixture({
    numSamples: request.samples ?? SYNTHETIC_DEFAULT_N,
    numClasses: request.clusters ?? SYNTHETIC_DEFAULT_K,
    dim: SYNTHETIC_DIM,
    separation: SYNTHETIC_SEPARATION,
    seed: request.seed,
  });
  return {
    name: 'synthetic',
    exampleShape: [data.shape[1]],
    numClasses: data.numClasses,
    train: { x: data.features, labels: data.labels, n: data.shape[0] },
    test: null,
    isImage: false,
  };
}

function features(
  command: string,
  request: DataRequest,
  cwd: string,
): TrainingData {
  if (request.features === undefined) {
    throw usageError(
      command,
      '--features',
      'a .npy or .csv file with --dataset features',
      'nothing',
    );
  }
  const data = loadFeatures(resolve(cwd, request.features), {
    labelsPath:
      request.labels === undefined ? undefined : resolve(cwd, request.labels),
  });
  const [total, d] = data.shape;
  const n = Math.min(request.samples ?? total, total);
  const labels = data.labels ? data.labels.subarray(0, n) : null;
  let numClasses: number | null = null;
  if (labels) numClasses = labels.reduce((a, b) => Math.max(a, b), -1) + 1;
  return {
    name: 'features',
    exampleShape: [d],
    numClasses,
    train: { x: data.features.subarray(0, n * d), labels, n },
    test: null,
    isImage: false,
  };
}
