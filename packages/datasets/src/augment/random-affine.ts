// Small random affine transforms (rotation, scale, translation) with
// bilinear sampling, the usual augmentation for handwritten digits.
import type { Rng } from '../rng/create-rng.js';
import { checkBatch, checkRange, uniform } from '../internal/augment-args.js';
import { assertNumber } from '../internal/validate.js';
import type { Augmentation } from './types.js';

/** Options of {@link randomAffine}; defaults suit 28×28 digits. */
export interface RandomAffineOptions {
  /** Rotation in degrees: r means [−r, r], or a pair [lo, hi]; default 15. */
  rotation?: number | [number, number];
  /** Scale factor: s means [1 − s, 1 + s], or a pair [lo, hi]; default 0.1. */
  scale?: number | [number, number];
  /** Shift in pixels along each axis: t means [−t, t], or a pair; default 2. */
  translation?: number | [number, number];
  /** Value sampled outside the image; default 0. */
  fill?: number;
}

/**
 * Returns an augmentation that applies, per image, a rotation by θ, a
 * scaling by s about the image centre `c = ((W−1)/2, (H−1)/2)` and a shift
 * t, all drawn uniformly from their ranges. Each output pixel p (x right,
 * y down) samples the input at `c + R(−θ)(p − c − t)/s` bilinearly;
 * samples outside the image read `fill`. Positive θ turns the content
 * clockwise as displayed. θ = 0, s = 1, t = 0 is exactly the identity.
 *
 * @param options - `rotation`, `scale`, `translation`, `fill`.
 * @returns an {@link Augmentation} for NHWC batches.
 * @throws CceError (at creation) for a bad range or a scale range that
 *   reaches 0 or below; (when applied) when the batch is not
 *   `[N, H, W, C]`.
 * @example
 * ```ts
 * const digits = randomAffine({ rotation: 10, scale: 0.1, translation: 2 });
 * const view = digits(batch.x, batch.shape, createRng(3));
 * ```
 */
export function randomAffine(options: RandomAffineOptions = {}): Augmentation {
  const fn = 'randomAffine';
  const rotation = checkRange(fn, 'rotation', options.rotation ?? 15);
  const scale = checkRange(fn, 'scale', options.scale ?? 0.1, true);
  assertNumber(fn, 'scale', scale[0], Number.MIN_VALUE);
  const translation = checkRange(fn, 'translation', options.translation ?? 2);
  const fill = options.fill ?? 0;
  assertNumber(fn, 'fill', fill);

  return (images: Float32Array, shape: readonly number[], rng: Rng) => {
    const [n, h, w, c] = checkBatch(fn, images, shape);
    const out = new Float32Array(images.length);
    for (let i = 0; i < n; i++) {
      const theta = (uniform(rng, rotation) * Math.PI) / 180;
      const s = uniform(rng, scale);
      const tx = uniform(rng, translation);
      const ty = uniform(rng, translation);
      affineImage(images, out, i * h * w * c, h, w, c, theta, s, tx, ty, fill);
    }
    return out;
  };
}

/** Inverse-maps and bilinearly samples one image at `base`. */
function affineImage(
  src: Float32Array,
  out: Float32Array,
  base: number,
  h: number,
  w: number,
  c: number,
  theta: number,
  s: number,
  tx: number,
  ty: number,
  fill: number,
): void {
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  // Inverse map: u = c + R(−θ)(p − c − t) / s.
  const cos = Math.cos(theta) / s;
  const sin = Math.sin(theta) / s;
  for (let y = 0; y < h; y++) {
    const py = y - cy - ty;
    for (let x = 0; x < w; x++) {
      const px = x - cx - tx;
      const u = cx + cos * px + sin * py;
      const v = cy - sin * px + cos * py;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      // Corner weights; at integer u, v only w00 = 1 is non-zero.
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const i00 = pixelIndex(y0, x0, h, w, c, base);
      const i01 = pixelIndex(y0, x0 + 1, h, w, c, base);
      const i10 = pixelIndex(y0 + 1, x0, h, w, c, base);
      const i11 = pixelIndex(y0 + 1, x0 + 1, h, w, c, base);
      const to = base + (y * w + x) * c;
      for (let k = 0; k < c; k++) {
        const v00 = i00 < 0 ? fill : src[i00 + k]!;
        const v01 = i01 < 0 ? fill : src[i01 + k]!;
        const v10 = i10 < 0 ? fill : src[i10 + k]!;
        const v11 = i11 < 0 ? fill : src[i11 + k]!;
        out[to + k] = v00 * w00 + v01 * w01 + v10 * w10 + v11 * w11;
      }
    }
  }
}

/** Offset of pixel (y, x) of the image at `base`, or -1 outside. */
function pixelIndex(
  y: number,
  x: number,
  h: number,
  w: number,
  c: number,
  base: number,
): number {
  return y < 0 || y >= h || x < 0 || x >= w ? -1 : base + (y * w + x) * c;
}
