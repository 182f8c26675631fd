import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { makeCircles } from './make-circles.js';

describe('makeCircles', () => {
  it('puts noise-free points on radius 1 and radius factor (documented example)', () => {
    const c = makeCircles({
      numSamples: 4,
      noise: 0,
      factor: 0.5,
      shuffle: false,
    });
    const radii = Array.from({ length: 4 }, (_, i) =>
      Math.hypot(c.features[2 * i]!, c.features[2 * i + 1]!),
    );
    expect(radii[0]).toBeCloseTo(1, 6);
    expect(radii[1]).toBeCloseTo(1, 6);
    expect(radii[2]).toBeCloseTo(0.5, 6);
    expect(radii[3]).toBeCloseTo(0.5, 6);
    expect(Array.from(c.labels)).toEqual([0, 0, 1, 1]);
  });

  it('spreads angles over the whole circle when shuffled', () => {
    const c = makeCircles({ numSamples: 4000, noise: 0, factor: 0.3, seed: 2 });
    const quadrants = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const q =
        (c.features[2 * i]! >= 0 ? 0 : 1) +
        (c.features[2 * i + 1]! >= 0 ? 0 : 2);
      quadrants[q]!++;
    }
    for (const q of quadrants) expect(Math.abs(q - 1000)).toBeLessThan(160); // 5 sd
  });

  it('rejects a factor outside (0, 1) and a bad numSamples', () => {
    expectCceError(
      () => makeCircles({ numSamples: 4, factor: 1 }),
      'factor',
      'got 1',
    );
    expectCceError(() => makeCircles({ numSamples: 4, factor: 0 }), 'factor');
    expectCceError(() => makeCircles({ numSamples: -4 }), 'numSamples');
  });
});
