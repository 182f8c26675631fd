import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectCceError, fixture } from '../../test/helpers.js';
import { folder } from '../../test/temp.js';
import { loadFeatures } from './load-features.js';

describe('loadFeatures', () => {
  it('reads an .npy matrix with an .npy label file (the documented example)', () => {
    const dir = folder({
      'emb.npy': fixture('feat_5x2.npy'),
      'y.npy': fixture('i8_labels.npy'),
    });
    const { features, shape, labels } = loadFeatures(join(dir, 'emb.npy'), {
      labelsPath: join(dir, 'y.npy'),
    });
    expect(shape).toEqual([5, 2]);
    expect(Array.from(features)).toEqual(
      Array.from({ length: 10 }, (_, i) => i / 4),
    );
    expect(Array.from(labels!)).toEqual([0, 2, 1, 9, 3]);
  });

  it('flattens a rank-3 Fortran-order .npy to [N, D] in C order', () => {
    const dir = folder({ 'emb.npy': fixture('f4_f.npy') });
    const x = loadFeatures(join(dir, 'emb.npy'));
    expect(x.shape).toEqual([2, 12]);
    // NumPy's a = arange(24).reshape(2, 3, 4) * 0.5 - 3: element 13 is 3.5.
    expect(x.features[13]).toBe(3.5);
    expect(x.labels).toBeUndefined();
  });

  it('rejects label files whose count or shape does not fit, naming both files', () => {
    const dir = folder({
      'emb.npy': fixture('f8_c.npy'),
      'y.npy': fixture('i8_labels.npy'),
      'm.npy': fixture('u1_c.npy'),
    });
    // f8_c is [3, 5]; i8_labels has 5 labels; u1_c is [4, 3].
    expectCceError(
      () =>
        loadFeatures(join(dir, 'emb.npy'), { labelsPath: join(dir, 'y.npy') }),
      'labelsPath',
      '3 labels',
      'emb.npy',
      '5 in',
      'y.npy',
    );
    expectCceError(
      () =>
        loadFeatures(join(dir, 'emb.npy'), { labelsPath: join(dir, 'm.npy') }),
      'labelsPath',
      'shape [4, 3]',
    );
  });

  it('reads labels from a one-column text file of names', () => {
    const csvDir = folder({ 'x.csv': '1,2\n3,4\n5,6\n', 'y.txt': 'b\na\nb\n' });
    const r = loadFeatures(join(csvDir, 'x.csv'), {
      labelsPath: join(csvDir, 'y.txt'),
    });
    expect(r.shape).toEqual([3, 2]);
    expect(Array.from(r.labels!)).toEqual([1, 0, 1]);
    expect(r.labelNames).toEqual(['a', 'b']);
  });

  it('reads CSV and TSV files with a label column', () => {
    const dir = folder({
      'a.csv': 'f1,f2,y\n0.5,1,2\n1.5,2,0\n',
      'b.tsv': '1\t2\t1\n3\t4\t0\n',
    });
    const a = loadFeatures(join(dir, 'a.csv'), { labelColumn: 'y' });
    expect(Array.from(a.features)).toEqual([0.5, 1, 1.5, 2]);
    expect(Array.from(a.labels!)).toEqual([2, 0]);
    const b = loadFeatures(join(dir, 'b.tsv'), { labelColumn: -1 });
    expect(b.shape).toEqual([2, 2]);
    expect(Array.from(b.labels!)).toEqual([1, 0]);
  });

  it('rejects NaN features naming the file and row', () => {
    const dir = folder({ 'nan.csv': '1,2\n3,nan\n' });
    expectCceError(
      () => loadFeatures(join(dir, 'nan.csv')),
      'text',
      'line 2',
      'nan.csv',
    );
  });

  it('rejects an unknown extension, a missing file, a label file with extra columns and double labels', () => {
    const dir = folder({
      'x.csv': '1,2\n3,4\n',
      'y.csv': '0,1\n1,0\n',
      'z.json': '[]',
    });
    expectCceError(
      () => loadFeatures(join(dir, 'z.json')),
      'path',
      '.npy, .csv',
    );
    expectCceError(
      () => loadFeatures(join(dir, 'missing.npy')),
      'path',
      'missing.npy',
    );
    expectCceError(
      () =>
        loadFeatures(join(dir, 'x.csv'), { labelsPath: join(dir, 'y.csv') }),
      'labelsPath',
      'one label column',
      '2 columns',
    );
    expectCceError(
      () =>
        loadFeatures(join(dir, 'x.csv'), {
          labelColumn: 1,
          labelsPath: join(dir, 'y.csv'),
        }),
      'labelsPath',
      'omitted',
    );
    expectCceError(
      () =>
        loadFeatures(join(dir, 'x.csv'), { labelsPath: join(dir, 'z.json') }),
      'labelsPath',
      '.npy, .csv',
    );
  });
});
