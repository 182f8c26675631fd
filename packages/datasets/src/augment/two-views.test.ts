import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { horizontalFlip } from './horizontal-flip.js';
import { twoViews } from './two-views.js';
import type { Augmentation } from './types.js';

describe('twoViews', () => {
  it('gives two independently flipped views of the same batch', () => {
    const n = 64;
    const x = Float32Array.from({ length: n * 2 }, (_, i) => i); // [n, 1, 2, 1]
    const batch = { x, shape: [n, 1, 2, 1] };
    const [a, b] = twoViews(batch, horizontalFlip(), createRng(3));
    expect(a.length).toBe(x.length);
    expect(b.length).toBe(x.length);
    let differ = 0;
    for (let i = 0; i < n; i++) {
      const pair = [x[2 * i], x[2 * i + 1]];
      for (const v of [a, b]) {
        const got = [v[2 * i], v[2 * i + 1]];
        expect(
          got.join() === pair.join() ||
            got.join() === [...pair].reverse().join(),
        ).toBe(true);
      }
      if (a[2 * i] !== b[2 * i]) differ++;
    }
    // Independent fair flips disagree on about half the images (5 sd: 16 ± 20).
    expect(differ).toBeGreaterThan(12);
    expect(differ).toBeLessThan(52);
    expect(Array.from(x)).toEqual(Array.from({ length: n * 2 }, (_, i) => i));
  });

  it('repeats for the same seed', () => {
    const batch = {
      x: Float32Array.from({ length: 40 }, (_, i) => i),
      shape: [20, 1, 2, 1],
    };
    const first = twoViews(batch, horizontalFlip(), createRng(9));
    const again = twoViews(batch, horizontalFlip(), createRng(9));
    expect(Array.from(first[1])).toEqual(Array.from(again[1]));
  });

  it('rejects an augment that is not a function', () => {
    const batch = { x: new Float32Array(1), shape: [1, 1, 1, 1] };
    expectCceError(
      () => twoViews(batch, null as unknown as Augmentation, createRng(0)),
      'augment',
    );
  });
});
