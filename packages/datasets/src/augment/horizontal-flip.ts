// Random horizontal flip: mirror an image left–right with a probability.
import type { Rng } from '../rng/create-rng.js';
import { checkBatch } from '../internal/augment-args.js';
import { assertNumber } from '../internal/validate.js';
import type { Augmentation } from './types.js';

/** Options of {@link horizontalFlip}. */
export interface HorizontalFlipOptions {
  /** Probability of flipping each image, in [0, 1]; default 0.5. */
  probability?: number;
}

/**
 * Returns an augmentation that mirrors each image independently with
 * probability p: `out[y, x, c] = in[y, W − 1 − x, c]`; otherwise a copy.
 * Not for digits (a mirrored 2 is no longer a 2).
 *
 * @param options - `probability`.
 * @returns an {@link Augmentation} for NHWC batches.
 * @throws CceError (at creation) when `probability` is outside [0, 1];
 *   (when applied) when the batch is not `[N, H, W, C]`.
 * @example
 * ```ts
 * const flip = horizontalFlip({ probability: 1 });
 * Array.from(flip(new Float32Array([1, 2, 3]), [1, 1, 3, 1], createRng(0))); // [3, 2, 1]
 * ```
 */
export function horizontalFlip(
  options: HorizontalFlipOptions = {},
): Augmentation {
  const p = options.probability ?? 0.5;
  assertNumber('horizontalFlip', 'probability', p, 0, 1);

  return (images: Float32Array, shape: readonly number[], rng: Rng) => {
    const [n, h, w, c] = checkBatch('horizontalFlip', images, shape);
    const out = images.slice();
    const size = h * w * c;
    for (let i = 0; i < n; i++) {
      if (!(rng.next() < p)) continue;
      for (let y = 0; y < h; y++) {
        const row = i * size + y * w * c;
        for (let x = 0; x < w; x++) {
          const to = row + x * c;
          const from = row + (w - 1 - x) * c;
          for (let k = 0; k < c; k++) out[to + k] = images[from + k]!;
        }
      }
    }
    return out;
  };
}
