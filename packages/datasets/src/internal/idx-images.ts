// Loads an IDX image file and its IDX label file (MNIST, Fashion-MNIST)
// into an ImageDataset, checking that they agree.
import { CceError } from '@cce/errors';
import { at, isGzip } from './bytes.js';
import { bytesToUnit } from './images.js';
import { parseIdxBytes } from './idx.js';
import { readFileBytes } from './node-files.js';
import {
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  gunzipBounded,
} from '../readers/read-idx.js';
import type { ImageDataset } from '../types.js';

function readIdxFile(fn: string, argument: string, path: string) {
  let bytes = readFileBytes(fn, argument, path);
  if (isGzip(bytes)) {
    bytes = gunzipBounded(fn, bytes, path, DEFAULT_MAX_DECOMPRESSED_BYTES);
  }
  return parseIdxBytes(fn, bytes, path, false);
}

/**
 * Reads `[N, H, W]` uint8 images and `[N]` uint8 labels (< numClasses),
 * converting the first `limit` examples to NHWC floats in [0, 1].
 */
export function loadIdxImagePair(
  fn: string,
  imagesPath: string,
  labelsPath: string,
  numClasses: number,
  classNames: readonly string[],
  limit: number | undefined,
): ImageDataset {
  const images = readIdxFile(fn, 'images', imagesPath);
  const labels = readIdxFile(fn, 'labels', labelsPath);
  if (images.dtype !== 'uint8' || images.shape.length !== 3) {
    throw new CceError({
      fn,
      argument: 'images',
      expected: 'a uint8 IDX array of rank 3 [N, H, W]',
      received: `${images.dtype} [${images.shape.join(', ')}]`,
      hint: at(2, imagesPath),
    });
  }
  if (labels.dtype !== 'uint8' || labels.shape.length !== 1) {
    throw new CceError({
      fn,
      argument: 'labels',
      expected: 'a uint8 IDX array of rank 1 [N]',
      received: `${labels.dtype} [${labels.shape.join(', ')}]`,
      hint: at(2, labelsPath),
    });
  }
  const [total, height, width] = images.shape as [number, number, number];
  if (labels.shape[0] !== total) {
    throw new CceError({
      fn,
      argument: 'labels',
      expected: `${total} labels, one per image of ${imagesPath}`,
      received: `${labels.shape[0]}`,
      hint: `${at(4, labelsPath)}: label count differs from image count`,
    });
  }
  const n = limit === undefined ? total : Math.min(limit, total);
  const labelIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = labels.data[i]!;
    if (t >= numClasses) {
      throw new CceError({
        fn,
        argument: 'labels',
        expected: `labels in [0, ${numClasses})`,
        received: `${t}`,
        hint: at(8 + i, labelsPath),
      });
    }
    labelIds[i] = t;
  }
  const pixels = height * width;
  const out = new Float32Array(n * pixels);
  bytesToUnit(images.data.subarray(0, n * pixels) as Uint8Array, out);
  return {
    images: out,
    labels: labelIds,
    shape: [n, height, width, 1],
    numClasses,
    classNames,
  };
}
