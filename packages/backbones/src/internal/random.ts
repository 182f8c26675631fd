// Seeded pseudo-random numbers for weight initialisation: one independent
// stream per (seed, parameter name), xoshiro128** seeded through splitmix32,
// normals by the Box–Muller transform. Plain JS, identical on every backend.

/** 32-bit FNV-1a hash of a string, used to mix a parameter name in. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One splitmix32 step: a well-mixed 32-bit word from a counter. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A xoshiro128** generator. `nextUint32` gives 32 random bits, `nextUniform`
 * a float64 in the open interval (0, 1), `nextNormal` a standard normal.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | undefined;

  /** A stream keyed by an integer seed and a name (the parameter path). */
  constructor(seed: number, name = '') {
    // Split the seed into two 32-bit halves so every safe integer differs.
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    const key = hashString(name, hashString(`${low}:${high}`));
    this.a = splitmix32(key);
    this.b = splitmix32(key + 1);
    this.c = splitmix32(key + 2);
    this.d = splitmix32(key + 3);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c = (this.c ^ this.a) >>> 0;
    this.d = (this.d ^ this.b) >>> 0;
    this.b = (this.b ^ this.c) >>> 0;
    this.a = (this.a ^ this.d) >>> 0;
    this.c = (this.c ^ t) >>> 0;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in (0, 1): never exactly 0, so `Math.log` stays finite. */
  nextUniform(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Standard normal by Box–Muller; the second value of a pair is kept. */
  nextNormal(): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(this.nextUniform()));
    const angle = 2 * Math.PI * this.nextUniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
