import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { gzip, idxBytes, tinyImages } from '../../test/idx-files.js';
import { folder } from '../../test/temp.js';
import { loadFashionMnist } from './load-fashion-mnist.js';

describe('loadFashionMnist', () => {
  it('reads raw IDX files from the folder as NHWC floats', () => {
    const dir = folder({
      'train-images-idx3-ubyte': tinyImages(3, 28),
      'train-labels-idx1-ubyte': idxBytes([3], [9, 0, 5]),
    });
    const r = loadFashionMnist({ dir });
    expect(r.shape).toEqual([3, 28, 28, 1]);
    expect(Array.from(r.labels)).toEqual([9, 0, 5]);
    // Pixel (y=2, x=3) of image 1 is (1 + 2 + 3) / 255.
    expect(r.images[(1 * 28 + 2) * 28 + 3]).toBe(Math.fround(6 / 255));
    expect(r.classNames[9]).toBe('Ankle boot');
  });

  it('reads gzip files of the test split and honours limit', () => {
    const dir = folder({
      't10k-images-idx3-ubyte.gz': gzip(tinyImages(4, 28)),
      't10k-labels-idx1-ubyte.gz': gzip(idxBytes([4], [1, 2, 3, 4])),
    });
    const r = loadFashionMnist({ dir, split: 'test', limit: 2 });
    expect(r.shape).toEqual([2, 28, 28, 1]);
    expect(Array.from(r.labels)).toEqual([1, 2]);
  });

  it('rejects a label count different from the image count naming both files', () => {
    const dir = folder({
      'train-images-idx3-ubyte': tinyImages(3, 28),
      'train-labels-idx1-ubyte': idxBytes([2], [1, 2]),
    });
    expectCceError(
      () => loadFashionMnist({ dir }),
      'labels',
      '3 labels',
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      'byte offset 4',
    );
  });

  it('rejects labels >= 10 and files of the wrong rank or type naming the file', () => {
    const badLabel = folder({
      'train-images-idx3-ubyte': tinyImages(2, 28),
      'train-labels-idx1-ubyte': idxBytes([2], [1, 12]),
    });
    expectCceError(
      () => loadFashionMnist({ dir: badLabel }),
      'labels',
      'byte offset 9',
    );
    const rank2 = folder({
      'train-images-idx3-ubyte': idxBytes([2, 784], new Uint8Array(1568)),
      'train-labels-idx1-ubyte': idxBytes([2], [1, 2]),
    });
    expectCceError(
      () => loadFashionMnist({ dir: rank2 }),
      'images',
      'rank 3',
      'byte offset 2',
    );
    const int32Labels = folder({
      'train-images-idx3-ubyte': tinyImages(1, 28),
      'train-labels-idx1-ubyte': idxBytes([1], [0, 0, 0, 1], 0x0c),
    });
    expectCceError(
      () => loadFashionMnist({ dir: int32Labels }),
      'labels',
      'int32 [1]',
    );
  });

  it('rejects a damaged image file naming it and the offset', () => {
    const dir = folder({
      'train-images-idx3-ubyte': tinyImages(3, 28).subarray(0, 100),
      'train-labels-idx1-ubyte': idxBytes([3], [1, 2, 3]),
    });
    expectCceError(
      () => loadFashionMnist({ dir }),
      'bytes',
      'loadFashionMnist:',
      'train-images-idx3-ubyte',
      'byte offset 100',
    );
  });

  it('rejects a missing dir option, a folder without the files and a bad split', () => {
    expectCceError(() => loadFashionMnist({} as { dir: string }), 'dir');
    const empty = folder({});
    expectCceError(
      () => loadFashionMnist({ dir: empty }),
      'dir',
      'train-images-idx3-ubyte or train-images-idx3-ubyte.gz',
    );
    expectCceError(
      () => loadFashionMnist({ dir: empty, split: 'x' as 'test' }),
      'split',
    );
  });
});
