import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { horizontalFlip } from './horizontal-flip.js';

describe('horizontalFlip', () => {
  it('mirrors a row exactly when probability is 1 (documented example)', () => {
    const flip = horizontalFlip({ probability: 1 });
    expect(
      Array.from(flip(new Float32Array([1, 2, 3]), [1, 1, 3, 1], createRng(0))),
    ).toEqual([3, 2, 1]);
  });

  it('mirrors columns and keeps channel order in a hand-made RGB image', () => {
    // 2x2 image, pixel (y, x) = [10y + x, 100 + 10y + x, 200 + 10y + x].
    const img = new Float32Array([
      0, 100, 200, 1, 101, 201, 10, 110, 210, 11, 111, 211,
    ]);
    const out = horizontalFlip({ probability: 1 })(
      img,
      [1, 2, 2, 3],
      createRng(0),
    );
    expect(Array.from(out)).toEqual([
      1, 101, 201, 0, 100, 200, 11, 111, 211, 10, 110, 210,
    ]);
    const back = horizontalFlip({ probability: 1 })(
      out,
      [1, 2, 2, 3],
      createRng(0),
    );
    expect(Array.from(back)).toEqual(Array.from(img));
  });

  it('copies without flipping when probability is 0 and flips about half at 0.5', () => {
    const n = 200;
    const images = Float32Array.from({ length: n * 2 }, (_, i) => i); // [n, 1, 2, 1]
    expect(
      Array.from(
        horizontalFlip({ probability: 0 })(images, [n, 1, 2, 1], createRng(1)),
      ),
    ).toEqual(Array.from(images));
    const out = horizontalFlip()(images, [n, 1, 2, 1], createRng(1));
    let flipped = 0;
    for (let i = 0; i < n; i++) {
      const same =
        out[2 * i] === images[2 * i] && out[2 * i + 1] === images[2 * i + 1];
      const mirrored =
        out[2 * i] === images[2 * i + 1] && out[2 * i + 1] === images[2 * i];
      expect(same || mirrored).toBe(true);
      if (mirrored) flipped++;
    }
    expect(Math.abs(flipped - 100)).toBeLessThan(36); // 5 sd of Binomial(200, 1/2)
  });

  it('rejects a probability outside [0, 1] and a bad batch', () => {
    expectCceError(() => horizontalFlip({ probability: 1.5 }), 'probability');
    expectCceError(
      () => horizontalFlip()(new Float32Array(3), [1, 3], createRng(0)),
      'shape',
    );
  });
});
