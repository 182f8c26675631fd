import { describe, expect, it } from 'vitest';
import {
  expectCceError,
  expectedJson,
  fixture,
  nhwc,
} from '../../test/helpers.js';
import { folder } from '../../test/temp.js';
import { loadCifar10 } from './load-cifar10.js';

const sample = fixture('cifar10_sample.bin'); // 3 records
const want = expectedJson().cifar10;

function cifarFolder(prefix = ''): string {
  const files: Record<string, Uint8Array | string> = {};
  for (let b = 1; b <= 5; b++) files[`${prefix}data_batch_${b}.bin`] = sample;
  files[`${prefix}test_batch.bin`] = sample.subarray(0, 3073);
  return folder(files);
}

describe('loadCifar10', () => {
  it('concatenates the five training batches in order', () => {
    const r = loadCifar10({ dir: cifarFolder() });
    expect(r.shape).toEqual([15, 32, 32, 3]);
    expect(Array.from(r.labels)).toEqual([
      ...want.labels,
      ...want.labels,
      ...want.labels,
      ...want.labels,
      ...want.labels,
    ]);
    const [n, y, x, c, v] = want.probes[0] as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(nhwc(r.images, r.shape, n + 12, y, x, c)).toBeCloseTo(v / 255, 7);
    expect(r.classNames).toHaveLength(10);
  });

  it('finds the batches in cifar-10-batches-bin and reads batches.meta.txt names', () => {
    const dir = cifarFolder('cifar-10-batches-bin/');
    const names = Array.from({ length: 10 }, (_, k) => `c${k}`).join('\n');
    const r = loadCifar10({ dir, split: 'test' });
    expect(r.shape).toEqual([1, 32, 32, 3]);
    expect(r.labels[0]).toBe(want.labels[0]);
    const named = folder({
      'test_batch.bin': sample,
      'batches.meta.txt': `${names}\n\n`,
    });
    expect(loadCifar10({ dir: named, split: 'test' }).classNames[7]).toBe('c7');
  });

  it('stops reading files once limit records are decoded', () => {
    const r = loadCifar10({ dir: cifarFolder(), limit: 4 });
    expect(r.shape).toEqual([4, 32, 32, 3]);
    expect(Array.from(r.labels)).toEqual([...want.labels, want.labels[0]]);
  });

  it('rejects a damaged batch naming the file', () => {
    const dir = folder({ 'test_batch.bin': sample.subarray(0, 5000) });
    expectCceError(
      () => loadCifar10({ dir, split: 'test' }),
      'bytes',
      'test_batch.bin',
      'byte offset 3073',
    );
  });

  it('rejects a folder without the files, a missing batch, and bad options', () => {
    expectCceError(
      () => loadCifar10({ dir: folder({}) }),
      'dir',
      'test_batch.bin',
    );
    const partial = folder({
      'test_batch.bin': sample,
      'data_batch_1.bin': sample,
    });
    expectCceError(
      () => loadCifar10({ dir: partial }),
      'dir',
      'data_batch_2.bin',
    );
    expectCceError(() => loadCifar10({ dir: '' }), 'dir');
    expectCceError(
      () => loadCifar10({ dir: partial, split: 'all' as 'test' }),
      'split',
    );
    expectCceError(() => loadCifar10({ dir: partial, limit: -2 }), 'limit');
  });
});
