import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { parseIdx } from './parse-idx.js';
import { readIdx } from './read-idx.js';

const RAW = new Uint8Array([
  0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6,
]);

describe('readIdx', () => {
  it('reads gzip-compressed bytes as the documented example', () => {
    const raw = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
    expect(Array.from(readIdx(gzipSync(raw)).data)).toEqual([7, 9]);
  });

  it('gives the same result for raw and gzip input', () => {
    const a = readIdx(RAW);
    const b = readIdx(gzipSync(RAW));
    expect(b.shape).toEqual([2, 3]);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('matches the browser path (DecompressionStream then parseIdx)', async () => {
    const gz = gzipSync(RAW);
    const stream = new Blob([gz])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(Array.from(parseIdx(bytes).data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects a corrupt gzip stream naming the file', () => {
    const gz = gzipSync(RAW);
    const broken = gz.subarray(0, gz.length - 9);
    expectCceError(
      () => readIdx(broken, { name: 'a.gz' }),
      'bytes',
      'gzip',
      'a.gz',
    );
    const garbage = new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8]);
    expectCceError(() => readIdx(garbage), 'bytes', 'zlib error');
  });

  it('rejects a stream that inflates beyond maxDecompressedBytes', () => {
    const big = new Uint8Array(1 << 20); // compresses to ~1 kB
    expectCceError(
      () => readIdx(gzipSync(big), { maxDecompressedBytes: 1000 }),
      'bytes',
      'at most 1000 bytes',
    );
  });

  it('reports IDX errors under its own name for gzip input', () => {
    const truncated = gzipSync(RAW.subarray(0, 15));
    expectCceError(
      () => readIdx(truncated, { name: 'x.gz' }),
      'bytes',
      'readIdx:',
      'x.gz',
      'byte offset 15',
    );
  });

  it('rejects an invalid maxDecompressedBytes', () => {
    expectCceError(
      () => readIdx(RAW, { maxDecompressedBytes: 0 }),
      'options.maxDecompressedBytes',
    );
  });
});
