import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { colorJitter } from './color-jitter.js';

const luma = (r: number, g: number, b: number) =>
  0.299 * r + 0.587 * g + 0.114 * b;

function randomRgb(
  n: number,
  h: number,
  w: number,
  seed: number,
): Float32Array {
  const rng = createRng(seed);
  // Values in [0.2, 0.8] so moderate factors never hit the clamp.
  return Float32Array.from(
    { length: n * h * w * 3 },
    () => 0.2 + 0.6 * rng.next(),
  );
}

describe('colorJitter', () => {
  it('leaves images unchanged when every factor is 1', () => {
    const x = randomRgb(3, 4, 4, 1);
    const out = colorJitter({ brightness: 0, contrast: 0, saturation: 0 })(
      x,
      [3, 4, 4, 3],
      createRng(0),
    );
    for (let i = 0; i < x.length; i++) expect(out[i]).toBeCloseTo(x[i]!, 6);
  });

  it('scales every value by the brightness factor', () => {
    const x = randomRgb(2, 3, 3, 2);
    const out = colorJitter({
      brightness: [0.5, 0.5],
      contrast: 0,
      saturation: 0,
    })(x, [2, 3, 3, 3], createRng(0));
    for (let i = 0; i < x.length; i++) {
      expect(out[i]).toBeCloseTo(0.5 * x[i]!, 6);
    }
  });

  it('turns an image grey at saturation 0 and flat at contrast 0', () => {
    const x = randomRgb(1, 3, 3, 3);
    const grey = colorJitter({
      brightness: 0,
      contrast: 0,
      saturation: [0, 0],
    })(x, [1, 3, 3, 3], createRng(0));
    let mean = 0;
    for (let p = 0; p < 9; p++) {
      const g = luma(x[3 * p]!, x[3 * p + 1]!, x[3 * p + 2]!);
      mean += g / 9;
      for (let k = 0; k < 3; k++) expect(grey[3 * p + k]).toBeCloseTo(g, 6);
    }
    const flat = colorJitter({
      brightness: 0,
      contrast: [0, 0],
      saturation: 0,
    })(x, [1, 3, 3, 3], createRng(0));
    for (const v of flat) expect(v).toBeCloseTo(mean, 6);
  });

  it('keeps each pixel luma under random saturation and the mean luma under random contrast', () => {
    const x = randomRgb(20, 4, 4, 4);
    const sat = colorJitter({
      brightness: 0,
      contrast: 0,
      saturation: 0.5,
      clamp: false,
    })(x, [20, 4, 4, 3], createRng(1));
    for (let p = 0; p < x.length; p += 3) {
      expect(luma(sat[p]!, sat[p + 1]!, sat[p + 2]!)).toBeCloseTo(
        luma(x[p]!, x[p + 1]!, x[p + 2]!),
        5,
      );
    }
    const con = colorJitter({
      brightness: 0,
      contrast: 0.5,
      saturation: 0,
      clamp: false,
    })(x, [20, 4, 4, 3], createRng(1));
    for (let i = 0; i < 20; i++) {
      let a = 0;
      let b = 0;
      for (let p = i * 48; p < (i + 1) * 48; p += 3) {
        a += luma(x[p]!, x[p + 1]!, x[p + 2]!);
        b += luma(con[p]!, con[p + 1]!, con[p + 2]!);
      }
      expect(b / 16).toBeCloseTo(a / 16, 5);
    }
  });

  it('clamps to [0, 1] by default', () => {
    const x = randomRgb(2, 2, 2, 5);
    const out = colorJitter({ brightness: [3, 3], contrast: 0, saturation: 0 })(
      x,
      [2, 2, 2, 3],
      createRng(0),
    );
    expect(Math.max(...out)).toBe(1);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });

  it('rejects non-RGB batches and negative factors', () => {
    expectCceError(
      () => colorJitter()(new Float32Array(4), [1, 2, 2, 1], createRng(0)),
      'shape',
      'RGB',
    );
    expectCceError(
      () => colorJitter({ brightness: [-1, 1] }),
      'brightness',
      'factors >= 0',
    );
    expectCceError(
      () => colorJitter({ saturation: 'a' as unknown as number }),
      'saturation',
    );
  });
});
