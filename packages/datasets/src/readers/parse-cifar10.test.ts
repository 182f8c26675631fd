import { describe, expect, it } from 'vitest';
import {
  expectCceError,
  expectedJson,
  fixture,
  nhwc,
} from '../../test/helpers.js';
import { parseCifar10 } from './parse-cifar10.js';

const want = expectedJson().cifar10;

describe('parseCifar10', () => {
  it('matches the NumPy reshape/transpose reference when given 3 records', () => {
    const r = parseCifar10(fixture('cifar10_sample.bin'));
    expect(r.shape).toEqual([3, 32, 32, 3]);
    expect(r.images.length).toBe(3 * 3072);
    expect(Array.from(r.labels)).toEqual(want.labels);
    for (const [n, y, x, c, v] of want.probes as [
      number,
      number,
      number,
      number,
      number,
    ][]) {
      expect(nhwc(r.images, r.shape, n, y, x, c)).toBeCloseTo(v / 255, 7);
    }
    const sum = r.images.reduce((s, v) => s + Math.round(v * 255), 0);
    expect(sum).toBe(want.sum);
    expect(r.classNames[3]).toBe('cat');
  });

  it('puts the red plane first as in the documented example', () => {
    const record = new Uint8Array(3073);
    record[0] = 3;
    record[1] = 255;
    const { images, labels } = parseCifar10(record);
    expect(labels[0]).toBe(3);
    expect(images[0]).toBe(1);
    expect(images[1]).toBe(0);
    // Green plane starts at byte 1 + 1024: pixel (0, 0), channel 1.
    record[1 + 1024 + 33] = 51; // green of row 1, column 1
    expect(
      nhwc(parseCifar10(record).images, [1, 32, 32, 3], 0, 1, 1, 1),
    ).toBeCloseTo(0.2, 7);
  });

  it('rejects a length that is not a whole number of records naming the file and offset', () => {
    expectCceError(
      () => parseCifar10(new Uint8Array(3074), { name: 'data_batch_1.bin' }),
      'bytes',
      'data_batch_1.bin',
      'byte offset 3073',
      '3073-byte record',
    );
    expectCceError(
      () => parseCifar10(new Uint8Array(0)),
      'bytes',
      'byte offset 0',
    );
  });

  it('rejects a label byte >= 10 naming the record offset', () => {
    const bytes = new Uint8Array(2 * 3073);
    bytes[3073] = 10;
    expectCceError(
      () => parseCifar10(bytes, { name: 'b' }),
      'bytes',
      'labels in [0, 10)',
      'record 1',
      'byte offset 3073 of b',
    );
  });
});
