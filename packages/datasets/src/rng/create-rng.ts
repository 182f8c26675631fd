// A small seeded pseudo-random generator (sfc32, seeded through splitmix32)
// so every shuffle, augmentation and synthetic data set is reproducible.
import { assertInt } from '../internal/validate.js';

/** A seeded source of random numbers; see {@link createRng}. */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform float in [0, 1) with 2^-32 resolution. */
  next(): number;
  /** A uniform integer in [0, n) for 1 <= n <= 2^32. */
  int(n: number): number;
  /** A standard normal draw (Box–Muller, the second value is cached). */
  normal(): number;
  /** A new generator seeded from this one's next draws (independent stream). */
  fork(): Rng;
}

const TWO_POW_32 = 4294967296;

/** splitmix32 step: a well-mixed 32-bit value from a counter. */
function splitmix32(state: number): number {
  let z = state | 0;
  z ^= z >>> 16;
  z = Math.imul(z, 0x21f0aaad);
  z ^= z >>> 15;
  z = Math.imul(z, 0x735a2d97);
  z ^= z >>> 15;
  return z >>> 0;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | undefined = undefined;

  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    // Discard the first outputs: sfc32 mixes its state within a few steps.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  int(n: number): number {
    // Multiply-shift: bias below n / 2^32, negligible for data sizes here.
    return Math.floor(this.next() * n);
  }

  normal(): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return z;
    }
    const u1 = 1 - this.next(); // in (0, 1]: ln(u1) is finite
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  fork(): Rng {
    return new Sfc32([this.uint32(), this.uint32(), this.uint32(), 1]);
  }
}

/**
 * Creates a seeded generator: the same `(seed, stream)` always gives the
 * same sequence on every platform. Use `stream` for independent sequences
 * from one seed (for example one per epoch).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's small fast chaotic
 * generator) with its state filled by splitmix32; it is not cryptographic.
 *
 * @param seed - an integer in [0, 2^53).
 * @param stream - an integer in [0, 2^32), default 0.
 * @throws CceError when `seed` or `stream` is not such an integer.
 * @example
 * ```ts
 * const a = createRng(42);
 * const b = createRng(42);
 * a.uint32() === b.uint32(); // true
 * ```
 */
export function createRng(seed: number, stream = 0): Rng {
  assertInt('createRng', 'seed', seed, 0);
  assertInt('createRng', 'stream', stream, 0, TWO_POW_32 - 1);

  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const base = splitmix32(lo ^ splitmix32(hi + 0x9e3779b9));
  const s = splitmix32(base ^ splitmix32(stream + 0x632be5ab));
  return new Sfc32([
    splitmix32(s + 0x9e3779b9),
    splitmix32(s + 0x3c6ef372),
    splitmix32(s + 0xdaa66d2b),
    splitmix32(s + 0x78dde6e4),
  ]);
}
