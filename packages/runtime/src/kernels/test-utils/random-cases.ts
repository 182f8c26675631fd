// Seeded random convolution cases for the gradient-kernel tests: small
// shapes (so the stock reference is fast) spanning strides, dilations,
// paddings, rounding modes and odd sizes.
import { type RefCase, refGeometry } from './conv-reference.js';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` values uniform in [-1, 1). */
export function randomValues(rand: () => number, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = rand() * 2 - 1;
  }
  return out;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function int(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** A random case whose output is at least 1×1; `depthwise` picks the kind. */
export function randomCase(rand: () => number, depthwise: boolean): RefCase {
  for (;;) {
    const strided = rand() < 0.5;
    const strides: [number, number] = strided
      ? pick(rand, [
          [2, 2],
          [2, 2],
          [3, 3],
          [1, 2],
          [2, 1],
          [2, 3],
        ])
      : [1, 1];
    const dilations: [number, number] =
      !strided && rand() < 0.5 ? [int(rand, 1, 3), int(rand, 1, 3)] : [1, 1];
    // A numeric pad only with square filters, strides and dilations: there
    // tfjs sizes the width with the height's filter and stride (L-003).
    let padKind = pick(rand, ['same', 'valid', 'number', 'explicit']);
    const kh = int(rand, 1, 4);
    const kw = rand() < 0.5 ? kh : int(rand, 1, 4);
    const square =
      kh === kw && strides[0] === strides[1] && dilations[0] === dilations[1];
    if (padKind === 'number' && !square) {
      padKind = 'explicit';
    }
    const pad: RefCase['pad'] =
      padKind === 'same' || padKind === 'valid'
        ? padKind
        : padKind === 'number'
          ? int(rand, 0, 2)
          : [
              [0, 0],
              [int(rand, 0, 3), int(rand, 0, 3)],
              [int(rand, 0, 3), int(rand, 0, 3)],
              [0, 0],
            ];
    const c: RefCase = {
      xShape: [
        int(rand, 1, 3),
        int(rand, 1, 9),
        int(rand, 1, 9),
        int(rand, 1, 4),
      ],
      filterShape: [kh, kw, 0, int(rand, 1, 4)],
      strides,
      dilations,
      pad,
      depthwise,
    };
    c.filterShape[2] = c.xShape[3];
    if (typeof pad === 'number') {
      c.dimRoundingMode = pick(rand, ['floor', 'round', 'ceil', undefined]);
    }
    const g = refGeometry(c);
    if (g.outHeight >= 1 && g.outWidth >= 1) {
      return c;
    }
  }
}

/** Output shape [N, OH, OW, O or C·M] of a case, channels-last. */
export function outShape(c: RefCase): [number, number, number, number] {
  const g = refGeometry(c);
  const outCh = c.depthwise ? c.xShape[3] * c.filterShape[3] : c.filterShape[3];
  return [c.xShape[0], g.outHeight, g.outWidth, outCh];
}

/** Short label for test names. */
export function describeCase(c: RefCase): string {
  const pad =
    typeof c.pad === 'object'
      ? JSON.stringify(c.pad.slice(1, 3))
      : String(c.pad);
  return (
    `x ${c.xShape.join('x')} f ${c.filterShape.join('x')} ` +
    `s ${c.strides.join(',')} d ${c.dilations.join(',')} pad ${pad}` +
    (c.dimRoundingMode ? ` ${c.dimRoundingMode}` : '')
  );
}

/**
 * Largest |a − b| relative to the largest |b| (normwise relative error,
 * the right measure for sums of products whose terms may cancel).
 */
export function relativeError(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): number {
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < b.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs((a[i] as number) - (b[i] as number)));
    maxRef = Math.max(maxRef, Math.abs(b[i] as number));
  }
  return maxDiff / Math.max(maxRef, 1e-30);
}
