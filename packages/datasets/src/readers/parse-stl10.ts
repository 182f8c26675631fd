// Parser for STL-10 binary files (Coates, Ng and Lee 2011): `*_X.bin` image
// files with column-major channel planes, `*_y.bin` label files (1..10).
import { asBytes, type ByteSource } from '../internal/bytes.js';
import {
  checkStl10LabelCount,
  checkStl10Length,
  decodeStl10Images,
  decodeStl10Labels,
  STL10_CLASS_NAMES,
  STL10_PIXELS,
} from '../internal/stl10.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link parseStl10}. */
export interface Stl10ParseOptions {
  /** Content of the matching `*_y.bin`; omit for the unlabeled split. */
  labels?: ByteSource;
  /** Image file name for error messages; default `'STL-10 images'`. */
  name?: string;
  /** Label file name for error messages; default `'STL-10 labels'`. */
  labelsName?: string;
}

/**
 * Parses STL-10 binary images (and optionally labels) into NHWC floats.
 *
 * Each image is 27648 bytes: three planes (R, G, B) of 96×96, each stored
 * column-major, so byte `c·9216 + x·96 + y` is row y, column x, channel c.
 * The output is transposed to the usual row-major HWC layout. Label bytes
 * 1..10 become class ids 0..9; without labels every id is -1.
 *
 * @param images - the content of `train_X.bin`, `test_X.bin` or (a whole
 *   number of images from) `unlabeled_X.bin`.
 * @param options - `labels` bytes; file names for messages.
 * @returns images `[N, 96, 96, 3]` in [0, 1], labels `[N]`.
 * @throws CceError when the image length is not a positive multiple of
 *   27648, the label count differs from the image count, or a label byte is
 *   outside 1..10; messages name the file and the byte offset.
 * @example
 * ```ts
 * const img = new Uint8Array(27648);
 * img[96] = 255; // plane 0, column 1, row 0
 * const { images } = parseStl10(img);
 * images[3]; // 1: pixel (row 0, column 1), red
 * ```
 */
export function parseStl10(
  images: ByteSource,
  options: Stl10ParseOptions = {},
): ImageDataset {
  const fn = 'parseStl10';
  const u8 = asBytes(fn, images);
  const name = options.name ?? 'STL-10 images';
  checkStl10Length(fn, u8.length, name);
  const n = u8.length / STL10_PIXELS;

  let labels: Int32Array;
  if (options.labels === undefined) {
    labels = new Int32Array(n).fill(-1);
  } else {
    const labelBytes = asBytes(fn, options.labels);
    const labelsName = options.labelsName ?? 'STL-10 labels';
    checkStl10LabelCount(fn, labelBytes.length, n, labelsName);
    labels = decodeStl10Labels(fn, labelBytes, labelsName, 0);
  }
  const out = new Float32Array(n * STL10_PIXELS);
  decodeStl10Images(u8, out, 0);
  return {
    images: out,
    labels,
    shape: [n, 96, 96, 3],
    numClasses: 10,
    classNames: STL10_CLASS_NAMES,
  };
}
