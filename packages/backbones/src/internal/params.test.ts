// Tests of the initialisers: He-normal variance and fan computation.
import { describe, expect, it } from 'vitest';
import { fans, initialValues } from './params.js';
import { SeededRandom } from './random.js';

describe('initialValues', () => {
  it('draws He-normal values with variance 2 / fanIn when the kernel is a conv', () => {
    const shape = [3, 3, 64, 128]; // fanIn = 9 · 64 = 576
    const values = initialValues(shape, 'he-normal', new SeededRandom(3, 'k'));
    expect(values).toHaveLength(3 * 3 * 64 * 128);
    const n = values.length;
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const variance = values.reduce((s, v) => s + v * v, 0) / n;
    const target = 2 / 576;
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(target / n));
    expect(Math.abs(variance / target - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('fills ones and zeros when asked', () => {
    const random = new SeededRandom(0);
    expect(Array.from(initialValues([3], 'ones', random))).toEqual([1, 1, 1]);
    expect(Array.from(initialValues([2, 2], 'zeros', random))).toEqual([
      0, 0, 0, 0,
    ]);
  });
});

describe('fans', () => {
  it('multiplies the receptive field in when the kernel is a conv', () => {
    expect(fans([3, 3, 16, 32])).toEqual([144, 288]);
    expect(fans([1, 1, 8, 4])).toEqual([8, 4]);
    expect(fans([100, 10])).toEqual([100, 10]);
  });
});
