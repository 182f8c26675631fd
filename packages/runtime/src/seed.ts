// Seed stream for TensorFlow.js random ops. tfjs has no global seed: each
// random op takes its own. initRuntime({ seed }) resets this stream, and
// code that draws weights or noise takes its op seeds from nextSeed(), so a
// run with the same seed on the same backend draws the same numbers.

let state = 0x9e3779b9;
let seeded: number | undefined;

/** Resets the seed stream (called by initRuntime). */
export function setGlobalSeed(seed: number): void {
  seeded = seed;
  state = (seed ^ 0x9e3779b9) >>> 0;
}

/** The seed given to the last initRuntime, or undefined when none was. */
export function getGlobalSeed(): number | undefined {
  return seeded;
}

/**
 * Next integer seed from the stream (mulberry32 step), for the `seed`
 * argument of tfjs random ops such as `tf.randomNormal(shape, 0, 1,
 * 'float32', nextSeed())`.
 *
 * @returns an integer in [0, 2^31).
 */
export function nextSeed(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) >>> 1;
}
