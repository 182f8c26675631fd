import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { channelStats } from './channel-stats.js';

describe('channelStats', () => {
  it('computes per-channel mean and population std (documented example)', () => {
    const s = channelStats(new Float32Array([0, 10, 2, 30]), [2, 2]);
    expect(Array.from(s.mean)).toEqual([1, 20]);
    expect(Array.from(s.std)).toEqual([1, 10]);
  });

  it('matches a plain float64 reference on random NHWC images', () => {
    const rng = createRng(2);
    const shape = [7, 5, 4, 3];
    const x = Float32Array.from(
      { length: 7 * 5 * 4 * 3 },
      (_, i) => rng.next() * (1 + (i % 3)) + (i % 3),
    );
    const s = channelStats(x, shape);
    for (let c = 0; c < 3; c++) {
      const values: number[] = [];
      for (let i = c; i < x.length; i += 3) values.push(x[i]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(
        values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length,
      );
      expect(s.mean[c]).toBeCloseTo(mean, 12);
      expect(s.std[c]).toBeCloseTo(std, 12);
    }
  });

  it('does not lose precision to cancellation when the mean is large', () => {
    const x = new Float32Array([1e6 + 1, 1e6 - 1, 1e6 + 1, 1e6 - 1]);
    expect(channelStats(x, [4, 1]).std[0]).toBe(1);
  });

  it('rejects a shape that does not match and a non-Float32Array', () => {
    expectCceError(() => channelStats(new Float32Array(4), [3, 1]), 'shape');
    expectCceError(
      () => channelStats(new Float64Array(4) as unknown as Float32Array, [4]),
      'x',
      'Float64Array',
    );
  });
});
