// Parser for a CIFAR-100 binary file (Krizhevsky 2009): records of a coarse
// label, a fine label and a 32×32 RGB image; coarse labels give CIFAR-100-20.
import { asBytes, type ByteSource } from '../internal/bytes.js';
import {
  CIFAR_PIXELS,
  checkCifarLength,
  cifar100Layout,
  decodeCifarRecords,
} from '../internal/cifar.js';
import type { ImageDataset } from '../types.js';

/** Which CIFAR-100 label to keep: 100 fine classes or 20 superclasses. */
export type Cifar100LabelMode = 'fine' | 'coarse';

/** Options of {@link parseCifar100}. */
export interface Cifar100ParseOptions {
  /** File name used in error messages; default `'CIFAR data'`. */
  name?: string;
  /**
   * `'fine'` (default): 100 classes. `'coarse'`: the 20 superclasses, the
   * data set usually called CIFAR-100-20 in the clustering literature.
   */
  labelMode?: Cifar100LabelMode;
}

/**
 * Parses a CIFAR-100 binary file (`train.bin`, `test.bin`): 3074-byte
 * records, a coarse label in [0, 20), a fine label in [0, 100), then the
 * image as three row-major 32×32 planes (R, G, B). Output is NHWC floats
 * in [0, 1].
 *
 * @param bytes - the file content.
 * @param options - `name` for errors; `labelMode` `'fine'` (100 classes,
 *   default) or `'coarse'` (20 superclasses: CIFAR-100-20).
 * @returns images `[N, 32, 32, 3]`, labels `[N]`; class names are the ids
 *   as strings (`loadCifar100` reads the real names from the data folder).
 * @throws CceError when the length is not a positive multiple of 3074, a
 *   label is out of range (naming the file and byte offset) or `labelMode`
 *   is unknown.
 * @example
 * ```ts
 * const record = new Uint8Array(3074);
 * record[0] = 4; // coarse label
 * record[1] = 30; // fine label
 * parseCifar100(record, { labelMode: 'coarse' }).labels[0]; // 4
 * ```
 */
export function parseCifar100(
  bytes: ByteSource,
  options: Cifar100ParseOptions = {},
): ImageDataset {
  const fn = 'parseCifar100';
  const u8 = asBytes(fn, bytes);
  const layout = cifar100Layout(fn, options.labelMode ?? 'fine');
  const name = options.name ?? 'CIFAR data';
  checkCifarLength(fn, u8.length, 3074, name);
  const n = u8.length / 3074;

  const images = new Float32Array(n * CIFAR_PIXELS);
  const labels = new Int32Array(n);
  decodeCifarRecords(fn, u8, name, layout, images, labels, 0, n);
  return {
    images,
    labels,
    shape: [n, 32, 32, 3],
    numClasses: layout.numClasses,
    classNames: Array.from({ length: layout.numClasses }, (_, k) => `${k}`),
  };
}
