import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { parseCsvFeatures } from './parse-csv-features.js';

describe('parseCsvFeatures', () => {
  it('reads features and string labels as in the documented example', () => {
    const csv = 'x,y,class\n0.5,1,cat\n2,3.5,dog\n';
    const r = parseCsvFeatures(csv, { labelColumn: 'class' });
    expect(r.shape).toEqual([2, 2]);
    expect(Array.from(r.features)).toEqual([0.5, 1, 2, 3.5]);
    expect(Array.from(r.labels!)).toEqual([0, 1]);
    expect(r.labelNames).toEqual(['cat', 'dog']);
    expect(r.columnNames).toEqual(['x', 'y']);
  });

  it('reads a headerless matrix with integer labels in the last column', () => {
    const r = parseCsvFeatures('1,2,3\n4,5,6\n# comment\n\n7,8,9\n', {
      labelColumn: -1,
    });
    expect(r.shape).toEqual([3, 2]);
    expect(Array.from(r.features)).toEqual([1, 2, 4, 5, 7, 8]);
    expect(Array.from(r.labels!)).toEqual([3, 6, 9]);
    expect(r.labelNames).toBeUndefined();
    expect(r.columnNames).toBeUndefined();
  });

  it('detects a header automatically and reads a label column by index', () => {
    const r = parseCsvFeatures('label;a;b\n2;0.1;-1e-3\n0;3;4\n', {
      delimiter: ';',
      labelColumn: 0,
    });
    expect(r.columnNames).toEqual(['a', 'b']);
    expect(Array.from(r.labels!)).toEqual([2, 0]);
    expect(r.features[1]).toBeCloseTo(-0.001, 9);
  });

  it('reads the first row as data when header is false, and names sorted labels', () => {
    const r = parseCsvFeatures('1,b\n2,a\n3,b\n', {
      header: false,
      labelColumn: 1,
    });
    expect(Array.from(r.features)).toEqual([1, 2, 3]);
    expect(r.labelNames).toEqual(['a', 'b']);
    expect(Array.from(r.labels!)).toEqual([1, 0, 1]);
  });

  it('rejects NaN, empty and non-numeric features naming the line and column', () => {
    expectCceError(
      () => parseCsvFeatures('a,b\n1,2\n3,NaN\n', { name: 'f.csv' }),
      'text',
      'line 3 of f.csv',
      'column 1',
      '"NaN"',
    );
    expectCceError(
      () => parseCsvFeatures('1,2\n,4\n'),
      'text',
      'line 2',
      'column 0',
      '""',
    );
    expectCceError(
      () => parseCsvFeatures('1,2\n3,x\n'),
      'text',
      'line 2',
      '"x"',
    );
    expectCceError(
      () => parseCsvFeatures('0,0\n1,-Infinity\n'),
      'text',
      'line 2',
    );
  });

  it('rejects rows of different lengths naming the line', () => {
    expectCceError(
      () => parseCsvFeatures('1,2\n3,4\n5\n', { name: 'r.csv' }),
      'text',
      'line 3 of r.csv',
    );
  });

  it('rejects a label column that does not exist', () => {
    expectCceError(
      () => parseCsvFeatures('a,b\n1,2\n', { labelColumn: 'c' }),
      'labelColumn',
      '"c"',
    );
    expectCceError(
      () => parseCsvFeatures('1,2\n', { labelColumn: 2 }),
      'labelColumn',
      '[-2, 2)',
    );
    expectCceError(
      () => parseCsvFeatures('1,2\n', { header: false, labelColumn: 'a' }),
      'labelColumn',
      'no header',
    );
  });

  it('rejects a negative integer label naming the line', () => {
    expectCceError(
      () => parseCsvFeatures('1,0\n2,-1\n', { labelColumn: 1 }),
      'text',
      'line 2',
    );
  });

  it('rejects text that is not a string', () => {
    expectCceError(
      () => parseCsvFeatures(42 as unknown as string),
      'text',
      'got 42',
    );
  });
});
