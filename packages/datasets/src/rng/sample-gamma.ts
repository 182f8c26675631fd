// Gamma(shape, 1) sampling by Marsaglia and Tsang's squeeze method, with the
// usual boost for shape < 1; the log-space form feeds the Dirichlet sampler.
import type { Rng } from './create-rng.js';
import { sampleLogGammaUnchecked } from '../internal/gamma.js';
import { assertGreater } from '../internal/validate.js';

/**
 * Draws from Gamma(shape, 1): density x^(shape−1) e^(−x) / Γ(shape) on
 * x > 0, mean `shape`, variance `shape`.
 *
 * Uses Marsaglia and Tsang (2000), "A simple method for generating gamma
 * variables", for shape >= 1 (expected < 1.05 normal draws per sample) and
 * Gamma(a) = Gamma(a + 1)·U^(1/a) below 1. For shape far below 1 the result
 * can underflow to 0; {@link sampleDirichlet} works in logs to avoid that.
 *
 * @param rng - the generator to draw from.
 * @param shape - the shape α, a finite number > 0.
 * @returns a non-negative number.
 * @throws CceError when `shape` is not a finite number > 0.
 * @example
 * ```ts
 * const rng = createRng(1);
 * let sum = 0;
 * for (let i = 0; i < 10000; i++) sum += sampleGamma(rng, 3);
 * sum / 10000; // close to 3
 * ```
 */
export function sampleGamma(rng: Rng, shape: number): number {
  assertGreater('sampleGamma', 'shape', shape, 0);
  return Math.exp(sampleLogGammaUnchecked(rng, shape));
}
