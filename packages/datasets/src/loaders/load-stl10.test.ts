import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectCceError,
  expectedJson,
  fixture,
  nhwc,
} from '../../test/helpers.js';
import { folder } from '../../test/temp.js';
import { loadStl10, STL10_MAX_IMAGES_PER_CALL } from './load-stl10.js';

const X = fixture('stl10_sample_X.bin'); // 2 images
const Y = fixture('stl10_sample_y.bin'); // labels 3, 10
const want = expectedJson().stl10;

describe('loadStl10', () => {
  it('reads the train split with labels shifted to 0..9', () => {
    const dir = folder({
      'stl10_binary/train_X.bin': X,
      'stl10_binary/train_y.bin': Y,
    });
    const r = loadStl10({ dir });
    expect(r.shape).toEqual([2, 96, 96, 3]);
    expect(Array.from(r.labels)).toEqual(want.labels);
    for (const [n, y, x, c, v] of want.probes.slice(0, 16) as [
      number,
      number,
      number,
      number,
      number,
    ][]) {
      expect(nhwc(r.images, r.shape, n, y, x, c)).toBeCloseTo(v / 255, 7);
    }
    expect(r.classNames[9]).toBe('truck');
  });

  it('reads only the requested range when offset and limit are given', () => {
    const dir = folder({
      'test_X.bin': X,
      'test_y.bin': Y,
      'unlabeled_X.bin': X,
    });
    const second = loadStl10({ dir, split: 'test', offset: 1, limit: 5 });
    expect(second.shape).toEqual([1, 96, 96, 3]);
    expect(Array.from(second.labels)).toEqual([9]);
    const whole = loadStl10({ dir, split: 'test' });
    expect(Array.from(second.images)).toEqual(
      Array.from(whole.images.subarray(27648)),
    );
    const unlabeled = loadStl10({ dir, split: 'unlabeled', limit: 1 });
    expect(Array.from(unlabeled.labels)).toEqual([-1]);
    expect(loadStl10({ dir, split: 'test', offset: 7 }).shape[0]).toBe(0);
  });

  it('rejects a label file whose count differs from the image count', () => {
    const dir = folder({ 'train_X.bin': X, 'train_y.bin': Y.subarray(0, 1) });
    expectCceError(
      () => loadStl10({ dir }),
      'labels',
      '2 label bytes',
      'train_y.bin',
    );
  });

  it('rejects a damaged image file and bad label bytes naming the file and offset', () => {
    const dir = folder({
      'train_X.bin': X.subarray(0, 30000),
      'train_y.bin': Y,
    });
    expectCceError(
      () => loadStl10({ dir }),
      'images',
      'train_X.bin',
      'byte offset 27648',
    );
    const bad = folder({
      'train_X.bin': X,
      'train_y.bin': new Uint8Array([4, 0]),
    });
    expectCceError(
      () => loadStl10({ dir: bad, offset: 1 }),
      'labels',
      'byte offset 1 of',
    );
  });

  it('rejects a request above the per-call cap before reading (sparse file)', () => {
    const dir = folder({});
    const path = join(dir, 'unlabeled_X.bin');
    writeFileSync(path, new Uint8Array(0));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, (STL10_MAX_IMAGES_PER_CALL + 1) * 27648); // sparse: no disk use
    closeSync(fd);
    expectCceError(
      () => loadStl10({ dir, split: 'unlabeled' }),
      'limit',
      'in chunks',
    );
  });

  it('rejects bad options and a folder without the split', () => {
    const dir = folder({ 'train_X.bin': X, 'train_y.bin': Y });
    expectCceError(
      () => loadStl10({ dir, split: 'test' }),
      'dir',
      'test_X.bin',
    );
    expectCceError(() => loadStl10({ dir, offset: -1 }), 'offset');
    expectCceError(() => loadStl10({ dir, split: 'val' as 'test' }), 'split');
    expectCceError(() => loadStl10({ dir, limit: 0.5 }), 'limit');
  });
});
