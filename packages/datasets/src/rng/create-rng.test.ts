import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from './create-rng.js';

describe('createRng', () => {
  it('repeats the same sequence when given the same seed and stream', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.uint32());
    const ys = Array.from({ length: 100 }, () => b.uint32());
    expect(xs).toEqual(ys);
    // @example: a.uint32() === b.uint32()
    expect(createRng(42).uint32()).toBe(createRng(42).uint32());
  });

  it('gives different sequences when the seed or the stream differs', () => {
    const first = (seed: number, stream = 0) => {
      const r = createRng(seed, stream);
      return Array.from({ length: 8 }, () => r.uint32());
    };
    expect(first(1)).not.toEqual(first(2));
    expect(first(1)).not.toEqual(first(1, 1));
    // Seeds that differ only above 32 bits are distinct too.
    expect(first(5)).not.toEqual(first(5 + 2 ** 32));
  });

  it('draws uniform values in [0, 1) with the right mean and variance when sampled 200k times', () => {
    const rng = createRng(7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u;
      sq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    // U(0,1): mean 1/2 (sd of mean ~ 0.00065), variance 1/12.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('draws every integer of [0, n) about equally often when int(n) is called', () => {
    const rng = createRng(3);
    const k = 7;
    const draws = 70_000;
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < draws; i++) counts[rng.int(k)]!++;
    // Chi-square with 6 degrees of freedom: P(X > 30) < 1e-4.
    const e = draws / k;
    const chi2 = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(30);
  });

  it('draws standard normals with mean 0 and variance 1 when sampled 100k times', () => {
    const rng = createRng(11);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sq += z * z;
      if (Math.abs(z) < 1) within1++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02); // sd of mean 0.0032
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.03); // sd 0.0045
    // P(|Z| < 1) = 0.682689...
    expect(Math.abs(within1 / n - 0.682689)).toBeLessThan(0.01);
  });

  it('forks an independent stream when fork is called', () => {
    const parent = createRng(9);
    const child = parent.fork();
    const a = Array.from({ length: 4 }, () => parent.uint32());
    const b = Array.from({ length: 4 }, () => child.uint32());
    expect(a).not.toEqual(b);
  });

  it('rejects a seed or stream that is not a valid integer', () => {
    expectCceError(() => createRng(-1), 'seed', 'got -1');
    expectCceError(() => createRng(1.5), 'seed');
    expectCceError(() => createRng(Number.NaN), 'seed');
    expectCceError(() => createRng(1, 2 ** 32), 'stream');
  });
});
