import { describe, expect, it } from 'vitest';
import {
  expectCceError,
  expectedJson,
  fixture,
  nhwc,
} from '../../test/helpers.js';
import { parseCifar100 } from './parse-cifar100.js';

const want = expectedJson().cifar100;

describe('parseCifar100', () => {
  it('reads fine labels and NHWC pixels matching the NumPy reference', () => {
    const r = parseCifar100(fixture('cifar100_sample.bin'));
    expect(r.shape).toEqual([3, 32, 32, 3]);
    expect(r.numClasses).toBe(100);
    expect(Array.from(r.labels)).toEqual(want.fine);
    for (const [n, y, x, c, v] of want.probes as [
      number,
      number,
      number,
      number,
      number,
    ][]) {
      expect(nhwc(r.images, r.shape, n, y, x, c)).toBeCloseTo(v / 255, 7);
    }
    expect(r.images.reduce((s, v) => s + Math.round(v * 255), 0)).toBe(
      want.sum,
    );
  });

  it('reads the 20 superclasses when labelMode is coarse (CIFAR-100-20)', () => {
    const r = parseCifar100(fixture('cifar100_sample.bin'), {
      labelMode: 'coarse',
    });
    expect(r.numClasses).toBe(20);
    expect(Array.from(r.labels)).toEqual(want.coarse);
  });

  it('gives the coarse label of the documented example', () => {
    const record = new Uint8Array(3074);
    record[0] = 4;
    record[1] = 30;
    expect(parseCifar100(record, { labelMode: 'coarse' }).labels[0]).toBe(4);
    expect(parseCifar100(record).labels[0]).toBe(30);
  });

  it('rejects an unknown labelMode', () => {
    expectCceError(
      () =>
        parseCifar100(new Uint8Array(3074), { labelMode: 'super' as 'fine' }),
      'labelMode',
      '"super"',
    );
  });

  it('rejects out-of-range labels and bad lengths naming the offset', () => {
    const bytes = new Uint8Array(3074);
    bytes[0] = 20;
    expectCceError(
      () => parseCifar100(bytes, { labelMode: 'coarse' }),
      'bytes',
      'byte offset 0',
    );
    bytes[0] = 0;
    bytes[1] = 100;
    expectCceError(
      () => parseCifar100(bytes, { name: 'train.bin' }),
      'bytes',
      'byte offset 1 of train.bin',
    );
    expectCceError(
      () => parseCifar100(new Uint8Array(3073)),
      'bytes',
      '3074-byte record',
    );
  });
});
