import { describe, expect, it } from 'vitest';
import { permutation, streamRng } from './streams.js';

describe('streamRng', () => {
  it('gives the same draws for the same key and different ones for another batch', () => {
    const a = streamRng(7, 'augment', 3, 4);
    const b = streamRng(7, 'augment', 3, 4);
    const c = streamRng(7, 'augment', 3, 5);
    const draws = (r: typeof a) => [r.uint32(), r.uint32(), r.uint32()];
    const da = draws(a);
    expect(draws(b)).toEqual(da);
    expect(draws(c)).not.toEqual(da);
  });
});

describe('permutation', () => {
  it('contains every index exactly once when n = 1000', () => {
    const order = permutation(1000, streamRng(1, 'shuffle', 1));
    expect(order).toHaveLength(1000);
    expect([...order].sort((x, y) => x - y)).toEqual([...Array(1000).keys()]);
  });
});
