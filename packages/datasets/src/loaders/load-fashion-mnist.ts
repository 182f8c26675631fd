// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017) from the IDX files in a
// folder the user downloaded; no npm package ships it in a usable form.
import { loadIdxImagePair } from '../internal/idx-images.js';
import { assertDir, findFile } from '../internal/node-files.js';
import { assertLimit, assertSplit } from '../internal/options.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link loadFashionMnist}. */
export interface FashionMnistOptions {
  /**
   * Folder with the four official files, raw or gzip-compressed:
   * `train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`,
   * `t10k-images-idx3-ubyte[.gz]`, `t10k-labels-idx1-ubyte[.gz]`.
   */
  dir: string;
  /** `'train'` (60 000 images, default) or `'test'` (10 000). */
  split?: 'train' | 'test';
  /** Keep only the first `limit` examples (file order). */
  limit?: number;
}

/** The ten Fashion-MNIST classes, in label order. */
const FASHION_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/**
 * Loads Fashion-MNIST from its official IDX files in `dir` (raw or `.gz`).
 *
 * Why a folder: the `fashion-mnist` npm package (1.1.0) ships 70 002 JSON
 * rows grouped by class (155 MB unpacked), including two empty rows, and
 * without the official train/test split, so it cannot reproduce published
 * results. Download the four files from the Fashion-MNIST repository once.
 *
 * Layout and values as {@link loadMnist}: NHWC `[N, 28, 28, 1]`, bytes/255.
 *
 * @param options - `dir`, `split` `'train'` | `'test'`, `limit`.
 * @returns images `[N, 28, 28, 1]` in [0, 1], labels `[N]`, class names.
 * @throws CceError when `dir` lacks the files, on an unknown `split`, or on
 *   damaged files (naming the file and the byte offset).
 * @example
 * ```ts
 * const train = loadFashionMnist({ dir: 'data/fashion', split: 'train' });
 * train.shape; // [60000, 28, 28, 1]
 * ```
 */
// LIMITATION(L-004): Fashion-MNIST is not embedded; no npm package ships the
// official files, so the user downloads them once.
export function loadFashionMnist(options: FashionMnistOptions): ImageDataset {
  const fn = 'loadFashionMnist';
  assertDir(fn, options?.dir);
  const split = options.split ?? 'train';
  assertSplit(fn, split, ['train', 'test'] as const);
  assertLimit(fn, options.limit);

  const prefix = split === 'train' ? 'train' : 't10k';
  const files = (kind: string) => {
    const base = `${prefix}-${kind}`;
    return findFile(fn, options.dir, [base, `${base}.gz`]);
  };
  return loadIdxImagePair(
    fn,
    files('images-idx3-ubyte'),
    files('labels-idx1-ubyte'),
    10,
    FASHION_CLASSES,
    options.limit,
  );
}
