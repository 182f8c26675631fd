// Shared checks and assembly for the 2-D two-class generators (moons,
// circles): draw points per class, add noise, shuffle.
import { permuteRows, randomPermutation } from './permutation.js';
import { assertInt, assertNumber } from './validate.js';
import { createRng, type Rng } from '../rng/create-rng.js';
import type { SyntheticDataset } from '../synthetic/types.js';

export interface TwoClassOptions {
  numSamples: number;
  noise?: number;
  seed?: number;
  shuffle?: boolean;
}

/**
 * Builds N points: class 0 gets ceil(N/2), class 1 floor(N/2); `point`
 * writes the noise-free point of a class for a uniform draw `u` in [0, 1).
 */
export function twoClassShape(
  fn: string,
  options: TwoClassOptions,
  defaultNoise: number,
  point: (label: number, u: number, out: Float64Array) => void,
): SyntheticDataset {
  const n = options.numSamples;
  assertInt(fn, 'numSamples', n, 1);
  const noise = options.noise ?? defaultNoise;
  assertNumber(fn, 'noise', noise, 0);
  const seed = options.seed ?? 0;
  assertInt(fn, 'seed', seed, 0);

  const rng: Rng = createRng(seed);
  const x = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  const p = new Float64Array(2);
  const first = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const label = i < first ? 0 : 1;
    point(label, rng.next(), p);
    labels[i] = label;
    x[2 * i] = p[0]! + noise * rng.normal();
    x[2 * i + 1] = p[1]! + noise * rng.normal();
  }
  const out =
    options.shuffle === false
      ? { x, labels }
      : permuteRows(x, labels, 2, randomPermutation(n, rng));
  return { features: out.x, labels: out.labels, shape: [n, 2], numClasses: 2 };
}
