// Analytic floating-point operation counts of a backbone's convolutions and
// dense layers, per example, for the forward and the backward pass: the
// denominator of the "effective GFLOP/s" of benchmark E4.
import { resolveConfig } from './internal/build.js';
import type { BackboneOptions } from './create-backbone.js';
import type { Backbone, BackboneConfig } from './types.js';

/** Cost of one convolution or dense layer for one example. */
export interface LayerFlops {
  /** Name of the layer's kernel variable, e.g. `'block2/conv/kernel'`. */
  name: string;
  kind: 'conv' | 'dense';
  /** `2 · (output elements) · (kernel h · kernel w · input channels)`. */
  forward: number;
  /** Weight gradient + input gradient (0 for a layer reading the input). */
  backward: number;
}

/** Per-example FLOPs of a backbone. */
export interface FlopCount {
  layers: LayerFlops[];
  /** Σ forward. */
  forward: number;
  /** Σ backward. */
  backward: number;
  /** forward + backward: one training step on one example. */
  training: number;
}

/**
 * Counts the multiply–add FLOPs (2 per multiply–add) of every convolution
 * and dense layer for one example.
 *
 * Forward: a conv producing `Ho × Wo × Cout` from a `k × k × Cin` window
 * costs `2·Ho·Wo·k²·Cin·Cout`; a dense `din → dout` costs `2·din·dout`.
 * Backward: the weight gradient costs as much as the forward pass, and so
 * does the input gradient, except for a layer whose input is the network
 * input (no gradient is needed there). Batch norm, ReLU, pooling, bias and
 * residual additions are not counted (they are O(activations), a few
 * percent of the total), so the "effective GFLOP/s" of a benchmark is
 * `training · N / seconds per step`, a lower bound on the work done.
 *
 * @param model - a backbone, its `config`, or options for createBackbone.
 * @throws CceError for options createBackbone would reject.
 * @example
 * ```ts
 * const flops = countFlops({
 *   architecture: 'linear',
 *   inputShape: [512],
 *   numClasses: 10,
 *   seed: 0,
 * });
 * flops.forward; // 2 · 512 · 10 = 10240
 * flops.backward; // 10240 (weight gradient only)
 * ```
 */
export function countFlops(
  model: Backbone | BackboneConfig | BackboneOptions,
): FlopCount {
  const source = 'numParams' in model ? model.config : model;
  const config = resolveConfig('countFlops', source);
  const layers = describeLayers(config);
  const forward = layers.reduce((s, l) => s + l.forward, 0);
  const backward = layers.reduce((s, l) => s + l.backward, 0);
  return { layers, forward, backward, training: forward + backward };
}

interface Cursor {
  h: number;
  w: number;
  c: number;
  first: boolean;
  layers: LayerFlops[];
}

function describeLayers(config: BackboneConfig): LayerFlops[] {
  if (config.architecture === 'linear' || config.architecture === 'mlp') {
    const d = config.inputShape.reduce((a, b) => a * b, 1);
    const hidden = config.architecture === 'mlp' ? config.hiddenUnits : [];
    const cursor: Cursor = { h: 1, w: 1, c: d, first: true, layers: [] };
    hidden.forEach((h, i) => {
      addDense(cursor, `hidden${i + 1}/kernel`, h);
    });
    addDense(cursor, 'head/kernel', config.numClasses);
    return cursor.layers;
  }
  const [h, w, c] = config.inputShape as [number, number, number];
  const cursor: Cursor = { h, w, c, first: true, layers: [] };
  if (config.architecture === 'vgg4') {
    config.widths.forEach((width, i) => {
      addConv(cursor, `block${i + 1}/conv/kernel`, 3, width, 1);
      cursor.h = Math.ceil(cursor.h / 2); // 2×2 max-pool, 'same'
      cursor.w = Math.ceil(cursor.w / 2);
    });
  } else {
    addConv(cursor, 'stem/conv/kernel', 3, config.widths[0], 1);
    config.widths.forEach((width, s) => {
      for (let b = 0; b < 2; b++) addBlock(cursor, s, b, width);
    });
  }
  addDense(cursor, 'head/kernel', config.numClasses); // after global pool
  return cursor.layers;
}

function addBlock(cursor: Cursor, s: number, b: number, width: number) {
  const prefix = `stage${s + 1}/block${b + 1}`;
  const stride = s > 0 && b === 0 ? 2 : 1;
  const { h, w, c } = cursor;
  addConv(cursor, `${prefix}/conv1/kernel`, 3, width, stride);
  addConv(cursor, `${prefix}/conv2/kernel`, 3, width, 1);
  if (stride !== 1 || c !== width) {
    const after = { h: cursor.h, w: cursor.w, c: cursor.c };
    Object.assign(cursor, { h, w, c });
    addConv(cursor, `${prefix}/shortcut/conv/kernel`, 1, width, stride);
    Object.assign(cursor, after);
  }
}

function addConv(
  cursor: Cursor,
  name: string,
  k: number,
  cout: number,
  stride: number,
): void {
  cursor.h = Math.ceil(cursor.h / stride);
  cursor.w = Math.ceil(cursor.w / stride);
  const forward = 2 * cursor.h * cursor.w * k * k * cursor.c * cout;
  cursor.layers.push({
    name,
    kind: 'conv',
    forward,
    backward: cursor.first ? forward : 2 * forward,
  });
  cursor.c = cout;
  cursor.first = false;
}

function addDense(cursor: Cursor, name: string, units: number): void {
  const forward = 2 * cursor.c * units;
  cursor.layers.push({
    name,
    kind: 'dense',
    forward,
    backward: cursor.first ? forward : 2 * forward,
  });
  cursor.c = units;
  cursor.first = false;
}
