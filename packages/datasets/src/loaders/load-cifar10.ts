// CIFAR-10 (Krizhevsky 2009) from the binary version's batch files in a
// folder the user downloaded (`cifar-10-binary.tar.gz`, extracted).
import { join } from 'node:path';
import { CIFAR10_CLASS_NAMES } from '../internal/cifar.js';
import { readCifarFiles } from '../internal/cifar-files.js';
import {
  assertDir,
  readNames,
  resolveDataDir,
} from '../internal/node-files.js';
import { assertLimit, assertSplit } from '../internal/options.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link loadCifar10}. */
export interface Cifar10Options {
  /**
   * Folder holding `data_batch_1.bin` … `data_batch_5.bin` and
   * `test_batch.bin`, or its parent (with `cifar-10-batches-bin/`).
   */
  dir: string;
  /** `'train'` (50 000 images, default) or `'test'` (10 000). */
  split?: 'train' | 'test';
  /** Keep only the first `limit` examples (file order). */
  limit?: number;
}

/**
 * Loads CIFAR-10 from the binary batch files in `dir`. The training split
 * is batches 1–5 in order. Layout NHWC `[N, 32, 32, 3]`, RGB, bytes/255.
 * Class names come from `batches.meta.txt` when present. Node only.
 *
 * @param options - `dir`, `split` `'train'` | `'test'`, `limit`.
 * @returns images `[N, 32, 32, 3]` in [0, 1], labels `[N]` in [0, 10).
 * @throws CceError when the folder lacks the files, on an unknown `split`,
 *   or on a damaged file (naming it and the byte offset).
 * @example
 * ```ts
 * const test = loadCifar10({ dir: 'data/cifar-10-batches-bin', split: 'test' });
 * test.shape; // [10000, 32, 32, 3]
 * ```
 */
export function loadCifar10(options: Cifar10Options): ImageDataset {
  const fn = 'loadCifar10';
  assertDir(fn, options?.dir);
  const split = options.split ?? 'train';
  assertSplit(fn, split, ['train', 'test'] as const);
  assertLimit(fn, options.limit);

  const dir = resolveDataDir(fn, options.dir, 'test_batch.bin', [
    'cifar-10-batches-bin',
  ]);
  const names =
    split === 'train'
      ? [1, 2, 3, 4, 5].map((b) => `data_batch_${b}.bin`)
      : ['test_batch.bin'];
  const files = names.map((name) => join(dir, name));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const layout = { labelBytes: 1, labelIndex: 0, numClasses: 10 };
  const { images, labels, count } = readCifarFiles(fn, files, layout, limit);
  const classNames = readNames(join(dir, 'batches.meta.txt'));
  return {
    images,
    labels,
    shape: [count, 32, 32, 3],
    numClasses: 10,
    classNames: classNames?.length === 10 ? classNames : CIFAR10_CLASS_NAMES,
  };
}
