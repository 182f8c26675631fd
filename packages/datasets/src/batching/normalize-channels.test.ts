import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { channelStats } from './channel-stats.js';
import { normalizeChannels } from './normalize-channels.js';

describe('normalizeChannels', () => {
  it('subtracts the mean and divides by the std (documented example)', () => {
    const y = normalizeChannels(new Float32Array([0, 2]), [2, 1], {
      mean: new Float64Array([1]),
      std: new Float64Array([1]),
    });
    expect(Array.from(y)).toEqual([-1, 1]);
  });

  it('gives zero mean and unit std per channel on the split the stats came from', () => {
    const rng = createRng(5);
    const x = Float32Array.from(
      { length: 40 * 3 },
      (_, i) => 5 * rng.next() + 10 * (i % 3),
    );
    const y = normalizeChannels(x, [40, 3], channelStats(x, [40, 3]));
    const s = channelStats(y, [40, 3]);
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(s.mean[c]!)).toBeLessThan(1e-6);
      expect(s.std[c]).toBeCloseTo(1, 5);
    }
    expect(x[0]).not.toBe(y[0]); // not in place by default
  });

  it('only centres a constant channel and can work in place', () => {
    const x = new Float32Array([3, 1, 3, 2]); // channel 0 constant
    const stats = channelStats(x, [2, 2]);
    const y = normalizeChannels(x, [2, 2], stats, { inPlace: true });
    expect(y).toBe(x);
    expect(Array.from(y)).toEqual([0, -1, 0, 1]);
  });

  it('rejects stats of the wrong length or with non-finite values', () => {
    const x = new Float32Array(4);
    const ok = { mean: new Float64Array(2), std: new Float64Array(2).fill(1) };
    expectCceError(
      () =>
        normalizeChannels(x, [2, 2], {
          mean: new Float64Array(1),
          std: ok.std,
        }),
      'stats',
      '2 finite means',
    );
    expectCceError(
      () =>
        normalizeChannels(x, [2, 2], {
          mean: ok.mean,
          std: new Float64Array([1, Number.NaN]),
        }),
      'stats',
    );
    expectCceError(
      () =>
        normalizeChannels(x, [2, 2], {
          mean: ok.mean,
          std: new Float64Array([1, -1]),
        }),
      'stats',
    );
    expectCceError(() => normalizeChannels(x, [3, 2], ok), 'shape');
    expectCceError(
      () => normalizeChannels([0] as unknown as Float32Array, [1], ok),
      'x',
    );
  });
});
