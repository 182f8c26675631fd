// CIFAR binary records shared by parseCifar10, parseCifar100 and the
// loaders: label byte(s), then a 32×32 image as three row-major planes.
import { CceError, formatValue } from '@cce/errors';
import { at } from './bytes.js';
import { planarToHwc } from './images.js';

export const CIFAR_SIDE = 32;
export const CIFAR_PIXELS = CIFAR_SIDE * CIFAR_SIDE * 3; // 3072

/** The ten CIFAR-10 classes, in label order. */
export const CIFAR10_CLASS_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

export interface CifarLayout {
  /** Label bytes before each image: 1 (CIFAR-10) or 2 (CIFAR-100). */
  labelBytes: number;
  /** Which label byte to use: 0 (CIFAR-10, CIFAR-100 coarse) or 1 (fine). */
  labelIndex: number;
  numClasses: number;
}

/**
 * Decodes whole CIFAR records into `images`/`labels` starting at example
 * `outStart`; reads at most `maxRecords` records. Returns the count read.
 */
export function decodeCifarRecords(
  fn: string,
  u8: Uint8Array,
  name: string,
  layout: CifarLayout,
  images: Float32Array,
  labels: Int32Array,
  outStart: number,
  maxRecords: number,
): number {
  const record = layout.labelBytes + CIFAR_PIXELS;
  checkCifarLength(fn, u8.length, record, name);
  const count = Math.min(u8.length / record, maxRecords);
  for (let i = 0; i < count; i++) {
    const offset = i * record;
    const labelOffset = offset + layout.labelIndex;
    const label = u8[labelOffset]!;
    if (label >= layout.numClasses) {
      throw new CceError({
        fn,
        argument: 'bytes',
        expected: `labels in [0, ${layout.numClasses})`,
        received: `${label} in record ${i}`,
        hint: `${at(labelOffset, name)}: not a CIFAR file of this kind`,
      });
    }
    labels[outStart + i] = label;
    const out = (outStart + i) * CIFAR_PIXELS;
    planarToHwc(
      u8,
      offset + layout.labelBytes,
      images,
      out,
      CIFAR_SIDE,
      CIFAR_SIDE,
      3,
    );
  }
  return count;
}

/** Throws unless the length is a whole number (>= 1) of records. */
export function checkCifarLength(
  fn: string,
  length: number,
  record: number,
  name: string,
): void {
  if (length === 0 || length % record !== 0) {
    const whole = Math.floor(length / record) * record;
    throw new CceError({
      fn,
      argument: 'bytes',
      expected: `a positive multiple of the ${record}-byte record size`,
      received: `${length} bytes`,
      hint: `${at(whole, name)}: the file is truncated or not of this format`,
    });
  }
}

/** Checks `labelMode`; returns the layout of the chosen label. */
export function cifar100Layout(fn: string, labelMode: unknown): CifarLayout {
  if (labelMode !== 'fine' && labelMode !== 'coarse') {
    throw new CceError({
      fn,
      argument: 'labelMode',
      expected: "'fine' or 'coarse'",
      received: formatValue(labelMode),
    });
  }
  return labelMode === 'fine'
    ? { labelBytes: 2, labelIndex: 1, numClasses: 100 }
    : { labelBytes: 2, labelIndex: 0, numClasses: 20 };
}
