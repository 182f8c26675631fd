// Random brightness, contrast and saturation changes for RGB images, in a
// fixed order, with luma weights from ITU-R BT.601.
import { CceError } from '@cce/errors';
import type { Rng } from '../rng/create-rng.js';
import { checkBatch, checkRange, uniform } from '../internal/augment-args.js';
import type { Augmentation } from './types.js';

/** Options of {@link colorJitter}. */
export interface ColorJitterOptions {
  /** Brightness factor b: r means [max(0, 1 − r), 1 + r], or [lo, hi]; default 0.4. */
  brightness?: number | [number, number];
  /** Contrast factor, same convention; default 0.4. */
  contrast?: number | [number, number];
  /** Saturation factor, same convention; default 0.4. */
  saturation?: number | [number, number];
  /** Clamp the result to [0, 1]; default true (inputs in [0, 1]). */
  clamp?: boolean;
}

/** BT.601 luma weights: gray = 0.299 R + 0.587 G + 0.114 B. */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * Returns an augmentation for RGB batches (C = 3) with values in [0, 1]
 * that draws three factors per image and applies, in this order:
 * brightness `x ← b·x`; contrast `x ← m + c·(x − m)`, m the mean luma of
 * the image; saturation `x ← g + s·(x − g)`, g the pixel's luma. Then
 * clamps to [0, 1] unless `clamp: false`. Factors of 1 leave the image
 * unchanged (up to float rounding); saturation keeps each pixel's luma.
 *
 * @remarks Limitation: no hue jitter, and the order is fixed (torchvision
 * shuffles it per image).
 * @param options - `brightness`, `contrast`, `saturation`, `clamp`.
 * @returns an {@link Augmentation} for NHWC batches with C = 3.
 * @throws CceError (at creation) for a bad range or a negative lower
 *   bound; (when applied) when the batch is not `[N, H, W, 3]`.
 * @example
 * ```ts
 * const jitter = colorJitter({ brightness: 0.2, contrast: 0.2, saturation: 0.2 });
 * const view = jitter(batch.x, batch.shape, createRng(5));
 * ```
 */
export function colorJitter(options: ColorJitterOptions = {}): Augmentation {
  const fn = 'colorJitter';
  const ranges = (['brightness', 'contrast', 'saturation'] as const).map(
    (key) => {
      const range = checkRange(fn, key, options[key] ?? 0.4, true);
      if (range[0] < 0) {
        throw new CceError({
          fn,
          argument: key,
          expected: 'factors >= 0',
          received: JSON.stringify(range),
        });
      }
      return range;
    },
  ) as [[number, number], [number, number], [number, number]];
  const clamp = options.clamp ?? true;

  return (images: Float32Array, shape: readonly number[], rng: Rng) => {
    const [n, h, w, c] = checkBatch(fn, images, shape);
    if (c !== 3) {
      throw new CceError({
        fn,
        argument: 'shape',
        expected: '[N, H, W, 3] (RGB)',
        received: `[${shape.join(', ')}]`,
      });
    }
    const out = new Float32Array(images.length);
    const pixels = h * w;
    for (let i = 0; i < n; i++) {
      const b = uniform(rng, ranges[0]);
      const con = uniform(rng, ranges[1]);
      const sat = uniform(rng, ranges[2]);
      jitterImage(images, out, i * pixels * 3, pixels, b, con, sat, clamp);
    }
    return out;
  };
}

// LIMITATION(L-003): no hue jitter and a fixed brightness → contrast →
// saturation order; torchvision also jitters hue and shuffles the order.
function jitterImage(
  src: Float32Array,
  out: Float32Array,
  base: number,
  pixels: number,
  b: number,
  con: number,
  sat: number,
  clamp: boolean,
): void {
  // Mean luma after brightness: brightness scales it by b.
  let mean = 0;
  for (let p = base; p < base + 3 * pixels; p += 3) {
    mean += LUMA[0] * src[p]! + LUMA[1] * src[p + 1]! + LUMA[2] * src[p + 2]!;
  }
  mean = pixels > 0 ? (b * mean) / pixels : 0;
  for (let p = base; p < base + 3 * pixels; p += 3) {
    const r = mean + con * (b * src[p]! - mean);
    const g = mean + con * (b * src[p + 1]! - mean);
    const bl = mean + con * (b * src[p + 2]! - mean);
    const gray = LUMA[0] * r + LUMA[1] * g + LUMA[2] * bl;
    out[p] = finish(gray + sat * (r - gray), clamp);
    out[p + 1] = finish(gray + sat * (g - gray), clamp);
    out[p + 2] = finish(gray + sat * (bl - gray), clamp);
  }
}

function finish(v: number, clamp: boolean): number {
  return clamp ? Math.min(1, Math.max(0, v)) : v;
}
