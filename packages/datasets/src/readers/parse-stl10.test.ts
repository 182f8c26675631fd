import { describe, expect, it } from 'vitest';
import {
  expectCceError,
  expectedJson,
  fixture,
  nhwc,
} from '../../test/helpers.js';
import { parseStl10 } from './parse-stl10.js';

const want = expectedJson().stl10;

describe('parseStl10', () => {
  it('transposes column-major planes as the STL-10 reference reader does', () => {
    const r = parseStl10(fixture('stl10_sample_X.bin'), {
      labels: fixture('stl10_sample_y.bin'),
    });
    expect(r.shape).toEqual([2, 96, 96, 3]);
    expect(Array.from(r.labels)).toEqual(want.labels);
    for (const [n, y, x, c, v] of want.probes as [
      number,
      number,
      number,
      number,
      number,
    ][]) {
      expect(nhwc(r.images, r.shape, n, y, x, c)).toBeCloseTo(v / 255, 7);
    }
    expect(r.images.reduce((s, v) => s + Math.round(v * 255), 0)).toBe(
      want.sum,
    );
  });

  it('places byte 96 at row 0, column 1 as in the documented example', () => {
    const img = new Uint8Array(27648);
    img[96] = 255;
    const { images } = parseStl10(img);
    expect(images[3]).toBe(1);
    expect(images.reduce((s, v) => s + v, 0)).toBe(1);
    // Byte 1 is row 1, column 0 of the red plane.
    const img2 = new Uint8Array(27648);
    img2[1] = 255;
    expect(nhwc(parseStl10(img2).images, [1, 96, 96, 3], 0, 1, 0, 0)).toBe(1);
  });

  it('labels every image -1 when no label file is given', () => {
    expect(
      Array.from(parseStl10(fixture('stl10_sample_X.bin')).labels),
    ).toEqual([-1, -1]);
  });

  it('rejects an image length that is not a whole number of images', () => {
    expectCceError(
      () => parseStl10(new Uint8Array(27647), { name: 'train_X.bin' }),
      'images',
      'train_X.bin',
      'byte offset 0',
    );
  });

  it('rejects a label count that differs from the image count naming the label file', () => {
    expectCceError(
      () =>
        parseStl10(new Uint8Array(27648), {
          labels: new Uint8Array([1, 2]),
          labelsName: 'train_y.bin',
        }),
      'labels',
      'train_y.bin',
      '1 label bytes',
    );
  });

  it('rejects label bytes outside 1..10 naming the offset', () => {
    expectCceError(
      () =>
        parseStl10(new Uint8Array(2 * 27648), {
          labels: new Uint8Array([1, 11]),
        }),
      'labels',
      'byte offset 1',
    );
    expectCceError(
      () => parseStl10(new Uint8Array(27648), { labels: new Uint8Array([0]) }),
      'labels',
      'got 0',
    );
  });
});
