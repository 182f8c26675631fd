// The demo's 2-D toy data, drawn with @cce/datasets' seeded generators
// (Gaussian mixture, two moons), standardised per coordinate and split into
// a training set and a test set of the same size.
import { makeGaussianMixture, makeTwoMoons } from '@cce/datasets/browser';
import { type DemoSettings, effectiveClasses } from './settings.js';

/** Points `[N, 2]` (row-major) and their true classes `[N]`. */
export interface PointSet {
  x: Float32Array;
  labels: Int32Array;
}

/** The data of one demo run. */
export interface ToyData {
  train: PointSet;
  test: PointSet;
  numClasses: number;
  /** The square `[lo, hi]²` the canvas shows, holding every point. */
  view: { lo: number; hi: number };
}

/** Distance between mixture means, in standard deviations. */
const MIXTURE_SEPARATION = 6;
/** Noise of the moons (their radius is 1). */
const MOONS_NOISE = 0.1;

/**
 * Draws `2 · numPoints` points with the settings' seed; the first half
 * trains, the second half tests (the generators shuffle, so both halves
 * mix every class). Coordinates are standardised with the training half's
 * mean and standard deviation.
 */
export function makeToyData(settings: DemoSettings): ToyData {
  const numSamples = 2 * settings.numPoints;
  const numClasses = effectiveClasses(settings);
  const sample =
    settings.dataset === 'moons'
      ? makeTwoMoons({ numSamples, noise: MOONS_NOISE, seed: settings.seed })
      : makeGaussianMixture({
          numSamples,
          numClasses,
          dim: 2,
          separation: MIXTURE_SEPARATION,
          seed: settings.seed,
        });

  const n = settings.numPoints;
  const x = standardise(sample.features, n);
  const train = { x: x.slice(0, 2 * n), labels: sample.labels.slice(0, n) };
  const test = { x: x.slice(2 * n), labels: sample.labels.slice(n) };
  let extent = 0;
  for (const v of x) extent = Math.max(extent, Math.abs(v));
  const half = extent * 1.08;
  return { train, test, numClasses, view: { lo: -half, hi: half } };
}

// Standardises both columns of `[M, 2]` with the statistics of its first
// `n` rows (float64 sums).
function standardise(features: Float32Array, n: number): Float32Array {
  const out = new Float32Array(features.length);
  for (let c = 0; c < 2; c++) {
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const v = features[2 * i + c]!;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / n;
    const std = Math.sqrt(Math.max(sumSq / n - mean * mean, 1e-12));
    for (let i = 0; i < features.length / 2; i++) {
      out[2 * i + c] = (features[2 * i + c]! - mean) / std;
    }
  }
  return out;
}
