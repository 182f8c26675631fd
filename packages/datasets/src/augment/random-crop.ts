// Random crop with zero padding (the standard CIFAR augmentation): pad each
// side by p pixels, cut an H×W window at a random offset.
import type { Rng } from '../rng/create-rng.js';
import { checkBatch } from '../internal/augment-args.js';
import { assertInt, assertNumber } from '../internal/validate.js';
import type { Augmentation } from './types.js';

/** Options of {@link randomCrop}. */
export interface RandomCropOptions {
  /** Padding p on each side, an integer >= 0; default 4. */
  padding?: number;
  /** Value of padded pixels; default 0. */
  fill?: number;
}

/**
 * Returns an augmentation that pads every image by `padding` pixels on each
 * side and crops the original size at offset (dy, dx), drawn uniformly
 * from {0, …, 2p}² per image:
 * `out[y, x] = in[y + dy − p, x + dx − p]`, or `fill` outside the image.
 * The crop at (p, p) is the identity.
 *
 * @param options - `padding`, `fill`.
 * @returns an {@link Augmentation} for NHWC batches.
 * @throws CceError (at creation) when `padding` is not an integer >= 0 or
 *   `fill` is not finite; (when applied) when the batch is not
 *   `[N, H, W, C]`.
 * @example
 * ```ts
 * const crop = randomCrop({ padding: 0 });
 * crop(images, [n, 32, 32, 3], createRng(1)); // a copy of images
 * ```
 */
export function randomCrop(options: RandomCropOptions = {}): Augmentation {
  const padding = options.padding ?? 4;
  assertInt('randomCrop', 'padding', padding, 0);
  const fill = options.fill ?? 0;
  assertNumber('randomCrop', 'fill', fill);

  return (images: Float32Array, shape: readonly number[], rng: Rng) => {
    const [n, h, w, c] = checkBatch('randomCrop', images, shape);
    const out = new Float32Array(images.length);
    const size = h * w * c;
    for (let i = 0; i < n; i++) {
      const dy = rng.int(2 * padding + 1) - padding;
      const dx = rng.int(2 * padding + 1) - padding;
      shiftImage(images, out, i * size, h, w, c, dy, dx, fill);
    }
    return out;
  };
}

/** out[y, x] = in[y + dy, x + dx] (or fill) for one image at `base`. */
function shiftImage(
  src: Float32Array,
  out: Float32Array,
  base: number,
  h: number,
  w: number,
  c: number,
  dy: number,
  dx: number,
  fill: number,
): void {
  const rowLength = w * c;
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(w, w - dx);
  for (let y = 0; y < h; y++) {
    const row = base + y * rowLength;
    const sy = y + dy;
    if (sy < 0 || sy >= h || x1 <= x0) {
      out.fill(fill, row, row + rowLength);
      continue;
    }
    out.fill(fill, row, row + x0 * c);
    const from = base + sy * rowLength + (x0 + dx) * c;
    out.set(src.subarray(from, from + (x1 - x0) * c), row + x0 * c);
    out.fill(fill, row + x1 * c, row + rowLength);
  }
}
