import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { iterateBatches } from './iterate-batches.js';

describe('iterateBatches', () => {
  it('yields rows with their indices (documented example)', () => {
    const x = new Float32Array([0, 1, 2, 3, 4, 5]);
    const batches = [
      ...iterateBatches(x, [3, 2], { batchSize: 2, shuffle: false }),
    ];
    expect(batches.length).toBe(2);
    expect(Array.from(batches[1]!.indices)).toEqual([2]);
    expect(Array.from(batches[1]!.x)).toEqual([4, 5]);
    expect(batches[1]!.shape).toEqual([1, 2]);
  });

  it('gathers images, labels and soft targets consistently with the indices', () => {
    const n = 37;
    // Image i is 2x2x1 filled with i; label i mod 5; target row [i, −i].
    const x = Float32Array.from({ length: n * 4 }, (_, j) => Math.floor(j / 4));
    const labels = Int32Array.from({ length: n }, (_, i) => i % 5);
    const targets = Float32Array.from(
      { length: n * 2 },
      (_, j) => (j % 2 === 0 ? 1 : -1) * Math.floor(j / 2),
    );
    const seen = new Set<number>();
    for (const b of iterateBatches(x, [n, 2, 2, 1], {
      batchSize: 8,
      seed: 5,
      labels,
      targets,
    })) {
      expect(b.shape).toEqual([b.indices.length, 2, 2, 1]);
      b.indices.forEach((id, r) => {
        seen.add(id);
        for (let p = 0; p < 4; p++) expect(b.x[r * 4 + p]).toBe(id);
        expect(b.labels![r]).toBe(id % 5);
        expect(b.targets![2 * r]).toBe(id);
        expect(b.targets![2 * r + 1]).toBe(-id);
      });
    }
    expect(seen.size).toBe(n);
  });

  it('returns copies, so augmenting a batch in place leaves the data intact', () => {
    const x = new Float32Array([1, 2, 3, 4]);
    const [b] = [
      ...iterateBatches(x, [4, 1], { batchSize: 4, shuffle: false }),
    ];
    b!.x.fill(0);
    expect(Array.from(x)).toEqual([1, 2, 3, 4]);
  });

  it('rejects mismatched shapes, labels and targets at the call', () => {
    const x = new Float32Array(6);
    expectCceError(() => iterateBatches(x, [4, 2], { batchSize: 2 }), 'shape');
    expectCceError(
      () =>
        iterateBatches(x, [3, 2], { batchSize: 2, labels: new Int32Array(2) }),
      'labels',
      'length N = 3',
    );
    expectCceError(
      () =>
        iterateBatches(x, [3, 2], {
          batchSize: 2,
          targets: new Float32Array(4),
        }),
      'targets',
      '[N, K]',
    );
    expectCceError(
      () => iterateBatches(x, [3, 2], { batchSize: 0 }),
      'batchSize',
    );
    expectCceError(
      () =>
        iterateBatches([1] as unknown as Float32Array, [1], { batchSize: 1 }),
      'x',
    );
  });
});
