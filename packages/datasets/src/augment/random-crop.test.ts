import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { randomCrop } from './random-crop.js';

/** Reference shift written from the definition: out[y, x] = in[y + dy, x + dx]. */
function shifted(
  img: Float32Array,
  h: number,
  w: number,
  c: number,
  dy: number,
  dx: number,
  fill: number,
) {
  const out = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) {
        const sy = y + dy;
        const sx = x + dx;
        out[(y * w + x) * c + k] =
          sy < 0 || sy >= h || sx < 0 || sx >= w
            ? fill
            : img[(sy * w + sx) * c + k]!;
      }
  return out;
}

describe('randomCrop', () => {
  it('returns an exact copy when padding is 0 (documented example)', () => {
    const images = Float32Array.from(
      { length: 2 * 4 * 4 * 3 },
      (_, i) => i / 7,
    );
    const out = randomCrop({ padding: 0 })(images, [2, 4, 4, 3], createRng(1));
    expect(out).not.toBe(images);
    expect(Array.from(out)).toEqual(Array.from(images));
  });

  it('shifts pixels by exactly the crop offset of the padded image', () => {
    // A 3x3 image padded by 1: the crop at padded offset (0, 0) shows the
    // image moved down-right by one pixel with fill on the top row and left column.
    const img = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const seen = new Set<string>();
    const crop = randomCrop({ padding: 1, fill: -1 });
    const rng = createRng(3);
    for (let t = 0; t < 60; t++) {
      const out = crop(img, [1, 3, 3, 1], rng);
      const matches: string[] = [];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++)
          if (
            Array.from(out).join() ===
            Array.from(shifted(img, 3, 3, 1, dy, dx, -1)).join()
          )
            matches.push(`${dy},${dx}`);
      expect(matches.length).toBe(1);
      seen.add(matches[0]!);
    }
    expect(seen.size).toBe(9);
    // The offset (−1, −1) (padded crop at (0, 0)) is this exact image:
    expect(Array.from(shifted(img, 3, 3, 1, -1, -1, -1))).toEqual([
      -1, -1, -1, -1, 1, 2, -1, 4, 5,
    ]);
  });

  it('draws every one of the (2p + 1)² offsets for multi-channel batches', () => {
    const n = 400;
    const p = 2;
    const h = 5;
    const w = 6;
    const c = 3;
    const images = Float32Array.from(
      { length: n * h * w * c },
      (_, i) => 1 + (i % (h * w * c)),
    );
    const out = randomCrop({ padding: p })(images, [n, h, w, c], createRng(8));
    const size = h * w * c;
    const offsets = new Set<string>();
    for (let i = 0; i < n; i++) {
      const img = images.subarray(i * size, (i + 1) * size);
      const got = Array.from(out.subarray(i * size, (i + 1) * size)).join();
      let found = 0;
      for (let dy = -p; dy <= p; dy++)
        for (let dx = -p; dx <= p; dx++)
          if (got === Array.from(shifted(img, h, w, c, dy, dx, 0)).join()) {
            offsets.add(`${dy},${dx}`);
            found++;
          }
      expect(found).toBe(1);
    }
    expect(offsets.size).toBe(25);
  });

  it('rejects a bad padding or fill at creation and a bad batch when applied', () => {
    expectCceError(() => randomCrop({ padding: -1 }), 'padding');
    expectCceError(() => randomCrop({ padding: 1.5 }), 'padding');
    expectCceError(() => randomCrop({ fill: Number.NaN }), 'fill');
    const crop = randomCrop();
    expectCceError(
      () => crop(new Float32Array(12), [3, 2, 2], createRng(0)),
      'shape',
      'rank 4',
    );
    expectCceError(
      () =>
        crop(
          new Float64Array(4) as unknown as Float32Array,
          [1, 2, 2, 1],
          createRng(0),
        ),
      'images',
    );
  });
});
