import { describe, expect, it } from 'vitest';
import { expectCceError, expectedJson, fixture } from '../../test/helpers.js';
import { folder } from '../../test/temp.js';
import { loadCifar100 } from './load-cifar100.js';

const sample = fixture('cifar100_sample.bin'); // 3 records
const want = expectedJson().cifar100;

describe('loadCifar100', () => {
  it('reads fine labels by default and coarse labels for CIFAR-100-20', () => {
    const dir = folder({
      'cifar-100-binary/train.bin': sample,
      'cifar-100-binary/test.bin': sample,
    });
    const fine = loadCifar100({ dir });
    expect(fine.shape).toEqual([3, 32, 32, 3]);
    expect(Array.from(fine.labels)).toEqual(want.fine);
    expect(fine.classNames[99]).toBe('99');
    const coarse = loadCifar100({
      dir,
      split: 'test',
      labelMode: 'coarse',
      limit: 2,
    });
    expect(coarse.numClasses).toBe(20);
    expect(Array.from(coarse.labels)).toEqual(want.coarse.slice(0, 2));
  });

  it('reads class names from the label-name files when present', () => {
    const coarseNames = Array.from({ length: 20 }, (_, k) => `super${k}`).join(
      '\n',
    );
    const dir = folder({
      'test.bin': sample,
      'coarse_label_names.txt': coarseNames,
    });
    expect(
      loadCifar100({ dir, split: 'test', labelMode: 'coarse' }).classNames[19],
    ).toBe('super19');
  });

  it('rejects a bad labelMode, a missing file and a damaged file', () => {
    const dir = folder({ 'train.bin': sample.subarray(0, 3075) });
    expectCceError(
      () => loadCifar100({ dir, labelMode: 'both' as 'fine' }),
      'labelMode',
    );
    expectCceError(
      () => loadCifar100({ dir, split: 'test' }),
      'dir',
      'test.bin',
    );
    expectCceError(
      () => loadCifar100({ dir }),
      'bytes',
      'train.bin',
      'byte offset 3074',
    );
    expectCceError(() => loadCifar100({ dir: 3 as unknown as string }), 'dir');
  });
});
