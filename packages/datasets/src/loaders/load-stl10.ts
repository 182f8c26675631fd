// STL-10 (Coates, Ng and Lee 2011) from the binary version in a folder the
// user downloaded; reads only the requested images, so the 2.7 GB unlabeled
// file can be taken in chunks.
import { join } from 'node:path';
import { CceError } from '@cce/errors';
import {
  checkStl10LabelCount,
  checkStl10Length,
  decodeStl10Images,
  decodeStl10Labels,
  STL10_CLASS_NAMES,
  STL10_PIXELS,
} from '../internal/stl10.js';
import {
  assertDir,
  fileSize,
  readFileRange,
  readNames,
  resolveDataDir,
} from '../internal/node-files.js';
import { assertLimit, assertSplit } from '../internal/options.js';
import { assertInt } from '../internal/validate.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link loadStl10}. */
export interface Stl10Options {
  /** Folder holding the `*_X.bin` / `*_y.bin` files, or its parent (with `stl10_binary/`). */
  dir: string;
  /** `'train'` (5 000, default), `'test'` (8 000) or `'unlabeled'` (100 000). */
  split?: 'train' | 'test' | 'unlabeled';
  /** Index of the first image to read; default 0. */
  offset?: number;
  /** Read at most this many images. */
  limit?: number;
}

/**
 * Largest image count read in one call: 4 GiB of float32 output (38 836
 * images of 96×96×3). Read the unlabeled split in chunks with `offset`.
 */
export const STL10_MAX_IMAGES_PER_CALL = Math.floor(
  2 ** 32 / (STL10_PIXELS * 4),
);

/**
 * Loads STL-10 from the binary files in `dir`, converting its column-major
 * planes to NHWC `[N, 96, 96, 3]` RGB floats (bytes/255). Labels 1..10 in
 * the files become class ids 0..9; the unlabeled split gives -1. Only the
 * requested byte range of the image file is read. Node only.
 *
 * @remarks Limitation (L-001): at most {@link STL10_MAX_IMAGES_PER_CALL}
 * images per call; the full unlabeled split (100 000 images, 11 GB as
 * float32) must be read in chunks with `offset` and `limit`.
 *
 * @param options - `dir`, `split`, `offset`, `limit`.
 * @returns images `[N, 96, 96, 3]` in [0, 1], labels `[N]`.
 * @throws CceError when the folder lacks the files, on a bad `split`,
 *   `offset` or `limit`, a request above the per-call cap, a damaged file,
 *   or a label count that differs from the image count (naming the file
 *   and the byte offset).
 * @example
 * ```ts
 * const chunk = loadStl10({ dir: 'data', split: 'unlabeled', offset: 0, limit: 1000 });
 * chunk.shape; // [1000, 96, 96, 3]
 * ```
 */
export function loadStl10(options: Stl10Options): ImageDataset {
  const fn = 'loadStl10';
  assertDir(fn, options?.dir);
  const split = options.split ?? 'train';
  assertSplit(fn, split, ['train', 'test', 'unlabeled'] as const);
  const offset = options.offset ?? 0;
  assertInt(fn, 'offset', offset, 0);
  assertLimit(fn, options.limit);

  const dir = resolveDataDir(fn, options.dir, `${split}_X.bin`, [
    'stl10_binary',
  ]);
  const imagesPath = join(dir, `${split}_X.bin`);
  const size = fileSize(fn, 'dir', imagesPath);
  checkStl10Length(fn, size, imagesPath);
  const total = size / STL10_PIXELS;
  const n = Math.max(0, Math.min(options.limit ?? total, total - offset));
  checkCap(fn, n);

  const labels = readLabels(fn, dir, split, total, offset, n);
  const bytes = readFileRange(
    fn,
    'dir',
    imagesPath,
    offset * STL10_PIXELS,
    n * STL10_PIXELS,
  );
  const images = new Float32Array(n * STL10_PIXELS);
  decodeStl10Images(bytes, images, 0);
  const names = readNames(join(dir, 'class_names.txt'));
  return {
    images,
    labels,
    shape: [n, 96, 96, 3],
    numClasses: 10,
    classNames: names?.length === 10 ? names : STL10_CLASS_NAMES,
  };
}

// LIMITATION(L-001): one call returns at most 4 GiB of float32; the full
// unlabeled split (11 GB) must be read in chunks with offset and limit.
function checkCap(fn: string, n: number): void {
  if (n > STL10_MAX_IMAGES_PER_CALL) {
    throw new CceError({
      fn,
      argument: 'limit',
      expected: `at most ${STL10_MAX_IMAGES_PER_CALL} images per call (4 GiB of float32)`,
      received: `${n} images`,
      hint: 'Read the split in chunks with offset and limit',
    });
  }
}

function readLabels(
  fn: string,
  dir: string,
  split: string,
  total: number,
  offset: number,
  n: number,
): Int32Array {
  if (split === 'unlabeled') return new Int32Array(n).fill(-1);
  const labelsPath = join(dir, `${split}_y.bin`);
  checkStl10LabelCount(fn, fileSize(fn, 'dir', labelsPath), total, labelsPath);
  const bytes = readFileRange(fn, 'dir', labelsPath, offset, n);
  return decodeStl10Labels(fn, bytes, labelsPath, offset);
}
