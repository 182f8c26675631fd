// Parser for one CIFAR-10 binary batch file (Krizhevsky 2009): records of a
// label byte and a 32×32 RGB image stored as three row-major planes.
import { asBytes, type ByteSource } from '../internal/bytes.js';
import {
  CIFAR_PIXELS,
  CIFAR10_CLASS_NAMES,
  checkCifarLength,
  decodeCifarRecords,
} from '../internal/cifar.js';
import type { ImageDataset } from '../types.js';

/** Options of {@link parseCifar10}. */
export interface CifarParseOptions {
  /** File name used in error messages; default `'CIFAR data'`. */
  name?: string;
}

/**
 * Parses a CIFAR-10 binary batch (`data_batch_1.bin` … `test_batch.bin`):
 * 3073-byte records, a label byte in [0, 10) then 1024 red, 1024 green and
 * 1024 blue bytes, each plane row-major 32×32. Output is NHWC floats in
 * [0, 1].
 *
 * @param bytes - the content of one batch file.
 * @param options - `name` for error messages.
 * @returns images `[N, 32, 32, 3]`, labels `[N]`, the ten class names.
 * @throws CceError when the length is not a positive multiple of 3073 or a
 *   label byte is >= 10, naming the file and the byte offset.
 * @example
 * ```ts
 * const record = new Uint8Array(3073);
 * record[0] = 3; // cat
 * record[1] = 255; // red of pixel (0, 0)
 * const { images, labels } = parseCifar10(record);
 * labels[0]; // 3
 * images[0]; // 1 (red), images[1] is 0 (green)
 * ```
 */
export function parseCifar10(
  bytes: ByteSource,
  options: CifarParseOptions = {},
): ImageDataset {
  const u8 = asBytes('parseCifar10', bytes);
  const name = options.name ?? 'CIFAR data';
  checkCifarLength('parseCifar10', u8.length, 3073, name);
  const n = u8.length / 3073;

  const images = new Float32Array(n * CIFAR_PIXELS);
  const labels = new Int32Array(n);
  const layout = { labelBytes: 1, labelIndex: 0, numClasses: 10 };
  decodeCifarRecords('parseCifar10', u8, name, layout, images, labels, 0, n);
  return {
    images,
    labels,
    shape: [n, 32, 32, 3],
    numClasses: 10,
    classNames: CIFAR10_CLASS_NAMES,
  };
}
