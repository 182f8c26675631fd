import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { randomAffine } from './random-affine.js';

const fixed = (rotation: number, scale: number, translation: number) =>
  randomAffine({
    rotation: [rotation, rotation],
    scale: [scale, scale],
    translation: [translation, translation],
  });

const IMG3 = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9]); // 3x3, row-major

describe('randomAffine', () => {
  it('is exactly the identity when angle 0, scale 1 and shift 0', () => {
    const rng = createRng(4);
    const images = Float32Array.from({ length: 3 * 28 * 28 }, () => rng.next());
    const out = fixed(0, 1, 0)(images, [3, 28, 28, 1], createRng(0));
    expect(Array.from(out)).toEqual(Array.from(images));
  });

  it('rotates a 3x3 image clockwise by 90 degrees', () => {
    const out = fixed(90, 1, 0)(IMG3, [1, 3, 3, 1], createRng(0));
    const want = [7, 4, 1, 8, 5, 2, 9, 6, 3];
    for (let i = 0; i < 9; i++) expect(out[i]).toBeCloseTo(want[i]!, 6);
  });

  it('shifts by whole pixels exactly, filling the uncovered border', () => {
    const out = randomAffine({
      rotation: 0,
      scale: 0,
      translation: [1, 1],
      fill: -1,
    })(IMG3, [1, 3, 3, 1], createRng(0));
    // Content moves right and down by one pixel.
    expect(Array.from(out)).toEqual([-1, -1, -1, -1, 1, 2, -1, 4, 5]);
  });

  it('samples bilinearly between pixels when scaling by 2 about the centre', () => {
    const out = fixed(0, 2, 0)(IMG3, [1, 3, 3, 1], createRng(0));
    // Output (0, 0) reads input (0.5, 0.5): the mean of 1, 2, 4, 5.
    expect(out[0]).toBeCloseTo(3, 6);
    // Output (0, 1) reads (x=1, y=0.5): the mean of 2 and 5.
    expect(out[1]).toBeCloseTo(3.5, 6);
    expect(out[4]).toBe(5); // the centre is fixed
  });

  it('transforms every channel with the same parameters', () => {
    const rng = createRng(6);
    const n = 4;
    const images = new Float32Array(n * 8 * 8 * 2);
    for (let i = 0; i < images.length; i += 2) {
      images[i] = rng.next();
      images[i + 1] = 10 * images[i]!;
    }
    const out = randomAffine()(images, [n, 8, 8, 2], createRng(2));
    for (let i = 0; i < out.length; i += 2)
      expect(out[i + 1]).toBeCloseTo(10 * out[i]!, 4);
  });

  it('rejects bad ranges and fill at creation and a bad batch when applied', () => {
    expectCceError(
      () => randomAffine({ rotation: -5 }),
      'rotation',
      'pair [lo, hi]',
    );
    expectCceError(() => randomAffine({ rotation: [5, -5] }), 'rotation');
    expectCceError(() => randomAffine({ scale: [0, 1] }), 'scale');
    expectCceError(
      () => randomAffine({ translation: Number.NaN }),
      'translation',
    );
    expectCceError(
      () => randomAffine({ fill: Number.POSITIVE_INFINITY }),
      'fill',
    );
    expectCceError(
      () => randomAffine()(new Float32Array(4), [1, 2, 3, 1], createRng(0)),
      'shape',
    );
  });
});
