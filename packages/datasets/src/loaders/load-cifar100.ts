// CIFAR-100 (Krizhevsky 2009) from the binary version in a folder the user
// downloaded; coarse labels give the 20-class CIFAR-100-20 benchmark.
import { join } from 'node:path';
import { cifar100Layout } from '../internal/cifar.js';
import { readCifarFiles } from '../internal/cifar-files.js';
import {
  assertDir,
  readNames,
  resolveDataDir,
} from '../internal/node-files.js';
import { assertLimit, assertSplit } from '../internal/options.js';
import type { Cifar100LabelMode } from '../readers/parse-cifar100.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link loadCifar100}. */
export interface Cifar100Options {
  /** Folder holding `train.bin` and `test.bin`, or its parent (with `cifar-100-binary/`). */
  dir: string;
  /** `'train'` (50 000 images, default) or `'test'` (10 000). */
  split?: 'train' | 'test';
  /** `'fine'` (100 classes, default) or `'coarse'` (20: CIFAR-100-20). */
  labelMode?: Cifar100LabelMode;
  /** Keep only the first `limit` examples (file order). */
  limit?: number;
}

/**
 * Loads CIFAR-100 from the binary files in `dir`. With
 * `labelMode: 'coarse'` the labels are the 20 superclasses (CIFAR-100-20,
 * the usual deep-clustering benchmark). Layout NHWC `[N, 32, 32, 3]`, RGB,
 * bytes/255. Class names come from `fine_label_names.txt` or
 * `coarse_label_names.txt` when present, else the ids as strings.
 *
 * @param options - `dir`, `split`, `labelMode`, `limit`.
 * @returns images `[N, 32, 32, 3]` in [0, 1], labels `[N]`.
 * @throws CceError when the folder lacks the files, on an unknown `split`
 *   or `labelMode`, or on a damaged file (naming it and the byte offset).
 * @example
 * ```ts
 * const c20 = loadCifar100({ dir: 'data', split: 'test', labelMode: 'coarse' });
 * c20.numClasses; // 20
 * ```
 */
export function loadCifar100(options: Cifar100Options): ImageDataset {
  const fn = 'loadCifar100';
  assertDir(fn, options?.dir);
  const split = options.split ?? 'train';
  assertSplit(fn, split, ['train', 'test'] as const);
  const labelMode = options.labelMode ?? 'fine';
  const layout = cifar100Layout(fn, labelMode);
  assertLimit(fn, options.limit);

  const dir = resolveDataDir(fn, options.dir, `${split}.bin`, [
    'cifar-100-binary',
  ]);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const file = join(dir, `${split}.bin`);
  const { images, labels, count } = readCifarFiles(fn, [file], layout, limit);
  const names = readNames(join(dir, `${labelMode}_label_names.txt`));
  const k = layout.numClasses;
  return {
    images,
    labels,
    shape: [count, 32, 32, 3],
    numClasses: k,
    classNames:
      names?.length === k ? names : Array.from({ length: k }, (_, i) => `${i}`),
  };
}
