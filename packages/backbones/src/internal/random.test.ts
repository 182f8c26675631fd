// Tests of the seeded generator: determinism, moments, tails and the
// published FNV-1a vectors.
import { describe, expect, it } from 'vitest';
import { SeededRandom, hashString } from './random.js';

function draw(
  random: SeededRandom,
  n: number,
  f: 'nextUniform' | 'nextNormal',
) {
  return Array.from({ length: n }, () => random[f]());
}

describe('SeededRandom', () => {
  it('repeats a stream when seed and name are the same', () => {
    const a = draw(
      new SeededRandom(7, 'block1/conv/kernel'),
      100,
      'nextNormal',
    );
    const b = draw(
      new SeededRandom(7, 'block1/conv/kernel'),
      100,
      'nextNormal',
    );
    expect(b).toEqual(a);
  });

  it('gives different streams when the seed, its high bits or the name differ', () => {
    const base = draw(new SeededRandom(7, 'a'), 8, 'nextUniform');
    for (const other of [
      new SeededRandom(8, 'a'),
      new SeededRandom(7 + 2 ** 32, 'a'),
      new SeededRandom(7, 'b'),
    ]) {
      expect(draw(other, 8, 'nextUniform')).not.toEqual(base);
    }
  });

  it('draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const n = 200_000;
    const u = draw(new SeededRandom(1), n, 'nextUniform');
    expect(u.every((v) => v > 0 && v < 1)).toBe(true);
    const mean = u.reduce((s, v) => s + v, 0) / n;
    const variance = u.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    // standard error of the mean: √(1/12 / n) ≈ 6.5e-4; allow 5σ
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(2e-3);
  });

  it('draws standard normals with the moments and tails of N(0, 1)', () => {
    const n = 200_000;
    const z = draw(new SeededRandom(2, 'x'), n, 'nextNormal');
    const mean = z.reduce((s, v) => s + v, 0) / n;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    // sd of the sample variance ≈ √(2/n) ≈ 3.2e-3
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // P(|Z| > 1.96) = 0.05, binomial sd √(0.05·0.95/n) ≈ 4.9e-4
    const tail = z.filter((v) => Math.abs(v) > 1.959964).length / n;
    expect(Math.abs(tail - 0.05)).toBeLessThan(5 * Math.sqrt(0.0475 / n));
  });
});

describe('hashString', () => {
  it('gives the published FNV-1a values when hashing ASCII', () => {
    // FNV-1a 32-bit test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c,
    // "foobar" → 0xbf9cf968.
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });
});
