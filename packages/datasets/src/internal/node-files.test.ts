import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { folder } from '../../test/temp.js';
import {
  fileSize,
  findFile,
  readFileBytes,
  readFileRange,
  readNames,
  resolveDataDir,
} from './node-files.js';

describe('node file helpers', () => {
  const dir = folder({
    'a.bin': new Uint8Array([1, 2, 3, 4, 5]),
    'sub/probe.bin': new Uint8Array([9]),
    'names.txt': 'x\r\n\n y \n',
  });

  it('read whole files, byte ranges, sizes and name lists', () => {
    expect(Array.from(readFileBytes('f', 'path', join(dir, 'a.bin')))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(
      Array.from(readFileRange('f', 'dir', join(dir, 'a.bin'), 1, 3)),
    ).toEqual([2, 3, 4]);
    expect(fileSize('f', 'dir', join(dir, 'a.bin'))).toBe(5);
    expect(readNames(join(dir, 'names.txt'))).toEqual(['x', 'y']);
    expect(readNames(join(dir, 'none.txt'))).toBeUndefined();
    expect(resolveDataDir('f', dir, 'probe.bin', ['sub'])).toBe(
      join(dir, 'sub'),
    );
    expect(findFile('f', dir, ['b.bin', 'a.bin'])).toBe(join(dir, 'a.bin'));
  });

  it('turn missing files and short reads into CceErrors naming the path', () => {
    expectCceError(
      () => readFileBytes('f', 'path', join(dir, 'none')),
      'path',
      'none',
    );
    expectCceError(
      () => fileSize('f', 'dir', join(dir, 'none')),
      'dir',
      'ENOENT',
    );
    expectCceError(
      () => readFileRange('f', 'dir', join(dir, 'a.bin'), 3, 4),
      'dir',
      'file ended after 5 bytes',
    );
    expectCceError(
      () => readFileRange('f', 'dir', join(dir, 'none'), 0, 1),
      'dir',
      'ENOENT',
    );
    expectCceError(
      () => resolveDataDir('f', dir, 'x.bin', ['sub']),
      'dir',
      'x.bin',
      'sub',
    );
    expectCceError(() => findFile('f', dir, ['b.bin']), 'dir', 'b.bin');
  });
});
