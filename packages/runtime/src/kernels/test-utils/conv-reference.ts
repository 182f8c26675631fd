// Float64 direct-loop references for convolution gradients, written from the
// definitions (TensorFlow's documented padding rules), independent of tfjs.

/** Geometry of one case, in NHWC terms. */
export interface RefCase {
  xShape: [number, number, number, number]; // [N, H, W, C]
  filterShape: [number, number, number, number]; // [kH, kW, C, O] or [kH, kW, C, M]
  strides: [number, number];
  dilations: [number, number];
  pad:
    | 'same'
    | 'valid'
    | number
    | [[0, 0], [number, number], [number, number], [0, 0]];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  depthwise: boolean;
}

export interface RefGeometry {
  outHeight: number;
  outWidth: number;
  padTop: number;
  padLeft: number;
}

function roundWith(value: number, mode: RefCase['dimRoundingMode']): number {
  if (mode === 'ceil') return Math.ceil(value);
  if (mode === 'round') return Math.round(value);
  if (mode === 'floor') return Math.floor(value);
  return Math.trunc(value);
}

function axisGeometry(
  size: number,
  k: number,
  stride: number,
  dilation: number,
  pad: RefCase['pad'],
  axis: 1 | 2,
  mode: RefCase['dimRoundingMode'],
): [number, number] {
  const eff = (k - 1) * dilation + 1;
  if (pad === 'same') {
    const out = Math.ceil(size / stride);
    const along = Math.max(0, (out - 1) * stride + eff - size);
    return [out, Math.floor(along / 2)];
  }
  if (pad === 'valid') {
    return [Math.ceil((size - eff + 1) / stride), 0];
  }
  if (typeof pad === 'number') {
    return [roundWith((size - eff + 2 * pad) / stride + 1, mode), pad];
  }
  const [before, after] = pad[axis];
  return [roundWith((size - eff + before + after) / stride + 1, mode), before];
}

/** Output size and leading padding per TensorFlow's padding rules. */
export function refGeometry(c: RefCase): RefGeometry {
  const [, h, w] = c.xShape;
  const [kh, kw] = c.filterShape;
  const [outHeight, padTop] = axisGeometry(
    h,
    kh,
    c.strides[0],
    c.dilations[0],
    c.pad,
    1,
    c.dimRoundingMode,
  );
  const [outWidth, padLeft] = axisGeometry(
    w,
    kw,
    c.strides[1],
    c.dilations[1],
    c.pad,
    2,
    c.dimRoundingMode,
  );
  return { outHeight, outWidth, padTop, padLeft };
}

/**
 * Visits every (output pixel, tap) pair that reads a real input pixel:
 * f(n, p, q, r, t, i, j) with input row r = p·sH + i·dH − padTop.
 */
function forEachTap(
  c: RefCase,
  g: RefGeometry,
  f: (
    n: number,
    p: number,
    q: number,
    r: number,
    t: number,
    i: number,
    j: number,
  ) => void,
): void {
  const [n, h, w] = c.xShape;
  const [kh, kw] = c.filterShape;
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < g.outHeight; p++) {
      for (let q = 0; q < g.outWidth; q++) {
        for (let i = 0; i < kh; i++) {
          const r = p * c.strides[0] + i * c.dilations[0] - g.padTop;
          if (r < 0 || r >= h) continue;
          for (let j = 0; j < kw; j++) {
            const t = q * c.strides[1] + j * c.dilations[1] - g.padLeft;
            if (t < 0 || t >= w) continue;
            f(b, p, q, r, t, i, j);
          }
        }
      }
    }
  }
}

/** dW in float64; x NHWC, dy [N, OH, OW, O (or C·M)]. */
export function refFilterGradient(
  c: RefCase,
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
): Float64Array {
  const g = refGeometry(c);
  const [, h, w, ch] = c.xShape;
  const [kh, kw, , o] = c.filterShape;
  const outCh = c.depthwise ? ch * o : o;
  const dw = new Float64Array(kh * kw * ch * o);
  forEachTap(c, g, (b, p, q, r, t, i, j) => {
    const xBase = ((b * h + r) * w + t) * ch;
    const dyBase = ((b * g.outHeight + p) * g.outWidth + q) * outCh;
    const wBase = (i * kw + j) * ch * o;
    for (let ci = 0; ci < ch; ci++) {
      const xv = x[xBase + ci] as number;
      for (let m = 0; m < o; m++) {
        const oc = c.depthwise ? ci * o + m : m;
        const at = wBase + ci * o + m;
        dw[at] = (dw[at] as number) + xv * (dy[dyBase + oc] as number);
      }
    }
  });
  return dw;
}

/** dx in float64; dy [N, OH, OW, O (or C·M)], filter [kH, kW, C, O (or M)]. */
export function refInputGradient(
  c: RefCase,
  dy: ArrayLike<number>,
  filter: ArrayLike<number>,
): Float64Array {
  const g = refGeometry(c);
  const [n, h, w, ch] = c.xShape;
  const [, kw, , o] = c.filterShape;
  const outCh = c.depthwise ? ch * o : o;
  const dx = new Float64Array(n * h * w * ch);
  forEachTap(c, g, (b, p, q, r, t, i, j) => {
    const xBase = ((b * h + r) * w + t) * ch;
    const dyBase = ((b * g.outHeight + p) * g.outWidth + q) * outCh;
    const wBase = (i * kw + j) * ch * o;
    for (let ci = 0; ci < ch; ci++) {
      let sum = 0;
      for (let m = 0; m < o; m++) {
        const oc = c.depthwise ? ci * o + m : m;
        sum +=
          (filter[wBase + ci * o + m] as number) * (dy[dyBase + oc] as number);
      }
      dx[xBase + ci] = (dx[xBase + ci] as number) + sum;
    }
  });
  return dx;
}
