// Plain float64 reference implementations of the four backbones, written
// from their documented definitions (TensorFlow 'same' padding, batch norm
// with biased batch variance and unbiased moving update), for the tests.
import type { Backbone, BackboneConfig } from '../src/index.js';

/** A dense float64 array in row-major (NHWC) order. */
export interface Arr {
  shape: number[];
  data: Float64Array;
}

/** Weights by variable name, as float64 copies. */
export type Weights = Map<string, Float64Array>;

export interface ReferenceResult {
  logits: Arr;
  features: Arr;
  /** New moving statistics by variable name (training mode only). */
  moving: Weights;
}

/** Deterministic inputs in [-1, 1) from a small LCG, independent of src. */
export function seededArray(shape: number[], seed: number): Arr {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  let state = (seed * 2654435761 + 12345) >>> 0;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = Math.fround(state / 2 ** 31 - 1);
  }
  return { shape, data };
}

export function weightsOf(model: Backbone): Weights {
  const weights: Weights = new Map();
  for (const { name, variable } of model.namedVariables) {
    weights.set(name, Float64Array.from(variable.dataSync()));
  }
  return weights;
}

function get(weights: Weights, name: string): Float64Array {
  const value = weights.get(name);
  if (!value) throw new Error(`reference: no weight '${name}'`);
  return value;
}

interface Ctx {
  weights: Weights;
  training: boolean;
  momentum: number;
  epsilon: number;
  moving: Weights;
}

export function conv2dSame(
  x: Arr,
  kernel: Float64Array,
  k: number,
  cout: number,
  stride: number,
): Arr {
  const [n, h, w, cin] = x.shape as [number, number, number, number];
  const oh = Math.ceil(h / stride);
  const ow = Math.ceil(w / stride);
  const padTop = Math.floor(Math.max((oh - 1) * stride + k - h, 0) / 2);
  const padLeft = Math.floor(Math.max((ow - 1) * stride + k - w, 0) / 2);
  const out = new Float64Array(n * oh * ow * cout);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        for (let co = 0; co < cout; co++) {
          let sum = 0;
          for (let ky = 0; ky < k; ky++) {
            const iy = oy * stride + ky - padTop;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < k; kx++) {
              const ix = ox * stride + kx - padLeft;
              if (ix < 0 || ix >= w) continue;
              for (let ci = 0; ci < cin; ci++) {
                const xv = x.data[((b * h + iy) * w + ix) * cin + ci]!;
                sum += xv * kernel[((ky * k + kx) * cin + ci) * cout + co]!;
              }
            }
          }
          out[((b * oh + oy) * ow + ox) * cout + co] = sum;
        }
      }
    }
  }
  return { shape: [n, oh, ow, cout], data: out };
}

function batchNorm(x: Arr, prefix: string, ctx: Ctx): Arr {
  const c = x.shape.at(-1)!;
  const count = x.data.length / c;
  const gamma = get(ctx.weights, `${prefix}/gamma`);
  const beta = get(ctx.weights, `${prefix}/beta`);
  let mean = get(ctx.weights, `${prefix}/movingMean`);
  let variance = get(ctx.weights, `${prefix}/movingVariance`);
  if (ctx.training) {
    const batchMean = new Float64Array(c);
    const batchVar = new Float64Array(c);
    x.data.forEach((v, i) => {
      batchMean[i % c]! += v / count;
    });
    x.data.forEach((v, i) => {
      batchVar[i % c]! += (v - batchMean[i % c]!) ** 2 / count;
    });
    const m = ctx.momentum;
    ctx.moving.set(
      `${prefix}/movingMean`,
      mean.map((old, j) => m * old + (1 - m) * batchMean[j]!),
    );
    ctx.moving.set(
      `${prefix}/movingVariance`,
      variance.map(
        (old, j) => m * old + ((1 - m) * batchVar[j]! * count) / (count - 1),
      ),
    );
    mean = batchMean;
    variance = batchVar;
  }
  const data = x.data.map((v, i) => {
    const j = i % c;
    return (
      ((v - mean[j]!) / Math.sqrt(variance[j]! + ctx.epsilon)) * gamma[j]! +
      beta[j]!
    );
  });
  return { shape: x.shape, data };
}

function relu(x: Arr): Arr {
  return { shape: x.shape, data: x.data.map((v) => Math.max(v, 0)) };
}

function add(a: Arr, b: Arr): Arr {
  return { shape: a.shape, data: a.data.map((v, i) => v + b.data[i]!) };
}

/** 2×2 stride-2 max-pool with 'same' padding (padding never wins). */
export function maxPool2(x: Arr): Arr {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const oh = Math.ceil(h / 2);
  const ow = Math.ceil(w / 2);
  const padTop = Math.floor(Math.max((oh - 1) * 2 + 2 - h, 0) / 2);
  const padLeft = Math.floor(Math.max((ow - 1) * 2 + 2 - w, 0) / 2);
  const out = new Float64Array(n * oh * ow * c).fill(-Infinity);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        for (let dy = 0; dy < 2; dy++) {
          for (let dx = 0; dx < 2; dx++) {
            const iy = oy * 2 + dy - padTop;
            const ix = ox * 2 + dx - padLeft;
            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
            for (let ch = 0; ch < c; ch++) {
              const o = ((b * oh + oy) * ow + ox) * c + ch;
              const v = x.data[((b * h + iy) * w + ix) * c + ch]!;
              if (v > out[o]!) out[o] = v;
            }
          }
        }
      }
    }
  }
  return { shape: [n, oh, ow, c], data: out };
}

function globalAveragePool(x: Arr): Arr {
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const out = new Float64Array(n * c);
  x.data.forEach((v, i) => {
    const b = Math.floor(i / (h * w * c));
    out[b * c + (i % c)]! += v / (h * w);
  });
  return { shape: [n, c], data: out };
}

export function dense(x: Arr, kernel: Float64Array, bias?: Float64Array) {
  const [n, din] = x.shape as [number, number];
  const dout = kernel.length / din;
  const out = new Float64Array(n * dout);
  for (let b = 0; b < n; b++) {
    for (let o = 0; o < dout; o++) {
      let sum = bias ? bias[o]! : 0;
      for (let i = 0; i < din; i++) {
        sum += x.data[b * din + i]! * kernel[i * dout + o]!;
      }
      out[b * dout + o] = sum;
    }
  }
  return { shape: [n, dout], data: out };
}

function head(features: Arr, ctx: Ctx): ReferenceResult {
  const logits = dense(
    features,
    get(ctx.weights, 'head/kernel'),
    get(ctx.weights, 'head/bias'),
  );
  return { logits, features, moving: ctx.moving };
}

/** The reference forward pass of any backbone configuration. */
export function referenceForward(
  config: BackboneConfig,
  weights: Weights,
  x: Arr,
  training: boolean,
): ReferenceResult {
  const ctx: Ctx = {
    weights,
    training,
    momentum: 'bnMomentum' in config ? config.bnMomentum : 0,
    epsilon: 'bnEpsilon' in config ? config.bnEpsilon : 0,
    moving: new Map(),
  };
  const n = x.shape[0]!;
  if (config.architecture === 'linear') {
    return head({ shape: [n, x.data.length / n], data: x.data }, ctx);
  }
  if (config.architecture === 'mlp') {
    let h: Arr = { shape: [n, x.data.length / n], data: x.data };
    config.hiddenUnits.forEach((_, i) => {
      const p = `hidden${i + 1}`;
      const bias = config.batchNorm ? undefined : get(weights, `${p}/bias`);
      h = dense(h, get(weights, `${p}/kernel`), bias);
      if (config.batchNorm) h = batchNorm(h, `${p}/bn`, ctx);
      h = relu(h);
    });
    return head(h, ctx);
  }
  if (config.architecture === 'vgg4') {
    let h = x;
    config.widths.forEach((width, i) => {
      const p = `block${i + 1}`;
      h = conv2dSame(h, get(weights, `${p}/conv/kernel`), 3, width, 1);
      h = maxPool2(relu(batchNorm(h, `${p}/bn`, ctx)));
    });
    return head(globalAveragePool(h), ctx);
  }
  const [w1] = config.widths;
  let h = conv2dSame(x, get(weights, 'stem/conv/kernel'), 3, w1, 1);
  h = relu(batchNorm(h, 'stem/bn', ctx));
  config.widths.forEach((width, s) => {
    for (let b = 0; b < 2; b++) {
      const p = `stage${s + 1}/block${b + 1}`;
      const stride = s > 0 && b === 0 ? 2 : 1;
      let r = conv2dSame(
        h,
        get(weights, `${p}/conv1/kernel`),
        3,
        width,
        stride,
      );
      r = relu(batchNorm(r, `${p}/bn1`, ctx));
      r = conv2dSame(r, get(weights, `${p}/conv2/kernel`), 3, width, 1);
      r = batchNorm(r, `${p}/bn2`, ctx);
      let shortcut = h;
      if (weights.has(`${p}/shortcut/conv/kernel`)) {
        const k = get(weights, `${p}/shortcut/conv/kernel`);
        shortcut = conv2dSame(h, k, 1, width, stride);
        shortcut = batchNorm(shortcut, `${p}/shortcut/bn`, ctx);
      }
      h = relu(add(r, shortcut));
    }
  });
  return head(globalAveragePool(h), ctx);
}

/**
 * Central finite differences of `Σ logits ⊙ r` with respect to every
 * trainable weight, in float64 (step `h`).
 */
export function finiteDifferenceGradients(
  config: BackboneConfig,
  weights: Weights,
  trainable: string[],
  x: Arr,
  r: Float64Array,
  training: boolean,
  h = 1e-6,
): Weights {
  const loss = () => {
    const { logits } = referenceForward(config, weights, x, training);
    return logits.data.reduce((s, v, i) => s + v * r[i]!, 0);
  };
  const grads: Weights = new Map();
  for (const name of trainable) {
    const w = get(weights, name);
    const g = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const saved = w[i]!;
      w[i] = saved + h;
      const up = loss();
      w[i] = saved - h;
      const down = loss();
      w[i] = saved;
      g[i] = (up - down) / (2 * h);
    }
    grads.set(name, g);
  }
  return grads;
}
