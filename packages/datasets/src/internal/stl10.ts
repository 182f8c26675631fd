// STL-10 binary layout (Coates, Ng and Lee 2011): 96×96 RGB images, each
// channel plane stored column-major; label files hold one byte 1..10 each.
import { CceError } from '@cce/errors';
import { at } from './bytes.js';
import { columnMajorPlanarToHwc } from './images.js';

export const STL10_SIDE = 96;
export const STL10_PIXELS = STL10_SIDE * STL10_SIDE * 3; // 27648

/** The ten STL-10 classes, in label order (file label = id + 1). */
export const STL10_CLASS_NAMES: readonly string[] = [
  'airplane',
  'bird',
  'car',
  'cat',
  'deer',
  'dog',
  'horse',
  'monkey',
  'ship',
  'truck',
];

/** Converts whole STL-10 images in `u8` to NHWC floats at example `start`. */
export function decodeStl10Images(
  u8: Uint8Array,
  images: Float32Array,
  start: number,
): void {
  const n = u8.length / STL10_PIXELS;
  for (let i = 0; i < n; i++) {
    columnMajorPlanarToHwc(
      u8,
      i * STL10_PIXELS,
      images,
      (start + i) * STL10_PIXELS,
      STL10_SIDE,
      STL10_SIDE,
      3,
    );
  }
}

/**
 * Converts STL-10 label bytes (1..10) to class ids (0..9), checking each;
 * `byteOffset` is the position of `u8[0]` in the file, for messages.
 */
export function decodeStl10Labels(
  fn: string,
  u8: Uint8Array,
  name: string,
  byteOffset: number,
): Int32Array {
  const labels = new Int32Array(u8.length);
  for (let i = 0; i < u8.length; i++) {
    const v = u8[i]!;
    if (v < 1 || v > 10) {
      throw new CceError({
        fn,
        argument: 'labels',
        expected: 'label bytes in [1, 10]',
        received: `${v}`,
        hint: `${at(byteOffset + i, name)}`,
      });
    }
    labels[i] = v - 1;
  }
  return labels;
}

/** Throws unless `length` is a positive multiple of one image. */
export function checkStl10Length(fn: string, length: number, name: string) {
  if (length === 0 || length % STL10_PIXELS !== 0) {
    const whole = Math.floor(length / STL10_PIXELS) * STL10_PIXELS;
    throw new CceError({
      fn,
      argument: 'images',
      expected: `a positive multiple of ${STL10_PIXELS} bytes (96×96×3)`,
      received: `${length} bytes`,
      hint: `${at(whole, name)}: the file is truncated or not STL-10`,
    });
  }
}

/** Throws unless there is exactly one label byte per image. */
export function checkStl10LabelCount(
  fn: string,
  labelCount: number,
  imageCount: number,
  labelsName: string,
) {
  if (labelCount !== imageCount) {
    throw new CceError({
      fn,
      argument: 'labels',
      expected: `${imageCount} label bytes, one per image`,
      received: `${labelCount}`,
      hint: `${at(Math.min(labelCount, imageCount), labelsName)}: label count differs from image count`,
    });
  }
}
