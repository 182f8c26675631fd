// Per-layer timing of the convolution gradient kernels, stock against ours,
// on the cpu and wasm backends (the evidence for which kernels we install).
import * as tf from '@tensorflow/tfjs-core';
import { conv2dBackpropInputConfig } from '../src/kernels/conv2d-backprop-input.js';
import {
  registerTrainingKernels,
  restoreStockKernels,
} from '../src/kernels/index.js';
import { overrideKernel } from '../src/kernels/stock-kernels.js';
import { convLayers, type NetSpec } from './network.js';

export interface KernelRow {
  backend: 'cpu' | 'wasm';
  layer: string;
  gradient: 'input' | 'filter';
  stockBatch: number;
  oursBatch: number;
  stockGflops: number | null; // null: no stock kernel
  oursGflops: number;
}

interface Layer {
  label: string;
  size: number;
  inChannels: number;
  outChannels: number;
  stride: number;
}

function timeKernel(
  name: string,
  inputs: Record<string, tf.Tensor>,
  attrs: object,
  reps: number,
): number {
  const run = () => {
    const out = tf
      .engine()
      .runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
    out.dataSync();
    out.dispose();
  };
  run();
  const start = performance.now();
  for (let i = 0; i < reps; i++) run();
  return (performance.now() - start) / reps;
}

function measureLayer(
  backend: 'cpu' | 'wasm',
  l: Layer,
  gradient: 'input' | 'filter',
  batch: number,
  impl: 'stock' | 'ours',
  reps: number,
): number {
  const out = Math.ceil(l.size / l.stride);
  const macs = batch * out * out * 9 * l.inChannels * l.outChannels;
  const x = tf.randomNormal([batch, l.size, l.size, l.inChannels]);
  const dy = tf.randomNormal([batch, out, out, l.outChannels]);
  const w = tf.randomNormal([3, 3, l.inChannels, l.outChannels]);
  restoreStockKernels(backend);
  if (impl === 'ours') {
    registerTrainingKernels(backend);
    // Time the composed input gradient even where the policy keeps stock.
    overrideKernel(conv2dBackpropInputConfig(backend, () => true));
  }
  const common = { strides: l.stride, pad: 'same', dataFormat: 'NHWC' };
  const ms =
    gradient === 'input'
      ? timeKernel(
          'Conv2DBackpropInput',
          { dy, filter: w },
          { ...common, inputShape: x.shape },
          reps,
        )
      : timeKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          { ...common, filterShape: w.shape },
          reps,
        );
  restoreStockKernels(backend);
  tf.dispose([x, dy, w]);
  return (2 * macs) / ms / 1e6;
}

/** Measures every layer of `spec` (plus a stride-2 layer) on both backends. */
export async function kernelTable(
  spec: NetSpec,
  quick: boolean,
): Promise<KernelRow[]> {
  const layers: Layer[] = convLayers(spec).map((l, i) => ({
    label: `conv${i + 1} ${l.inSize}²×${l.inChannels}→${l.outChannels}`,
    size: l.inSize,
    inChannels: l.inChannels,
    outChannels: l.outChannels,
    stride: 1,
  }));
  const [, c2, c3] = spec.channels;
  layers.push({
    label: `stride 2 ${spec.size}²×${c2}→${c3}`,
    size: spec.size,
    inChannels: c2,
    outChannels: c3,
    stride: 2,
  });
  const rows: KernelRow[] = [];
  for (const backend of ['wasm', 'cpu'] as const) {
    await tf.setBackend(backend);
    const wasm = backend === 'wasm';
    const reps = wasm ? 5 : 1;
    const batch = quick ? 4 : wasm ? 64 : 8;
    // The stock JS filter gradient runs at a few M multiply-adds/s.
    const stockFilterBatch = quick || wasm ? batch : 1;
    for (const l of layers) {
      for (const gradient of ['input', 'filter'] as const) {
        if (gradient === 'input' && l.inChannels === 1) continue; // not needed
        const noStock = wasm && gradient === 'filter';
        const stockBatch = gradient === 'filter' ? stockFilterBatch : batch;
        rows.push({
          backend,
          layer: l.label,
          gradient,
          stockBatch,
          oursBatch: batch,
          stockGflops: noStock
            ? null
            : measureLayer(backend, l, gradient, stockBatch, 'stock', reps),
          oursGflops: measureLayer(backend, l, gradient, batch, 'ours', reps),
        });
      }
    }
  }
  return rows;
}

/** Markdown table of {@link kernelTable} rows. */
export function kernelRows(rows: KernelRow[]): string {
  const lines = rows.map((r) => {
    const stock = r.stockGflops == null ? 'missing' : r.stockGflops.toFixed(3);
    const ratio =
      r.stockGflops == null
        ? '–'
        : `${(r.oursGflops / r.stockGflops).toFixed(1)}×`;
    const batch =
      r.stockBatch === r.oursBatch
        ? `${r.oursBatch}`
        : `${r.stockBatch} / ${r.oursBatch}`;
    return `| ${r.backend} | ${r.layer} | ${r.gradient} | ${batch} | ${stock} | ${r.oursGflops.toFixed(2)} | ${ratio} |`;
  });
  return [
    '| backend | layer | gradient | batch (stock / ours) | stock GFLOP/s | ours GFLOP/s | ours ÷ stock |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    '',
    "GFLOP/s = 2 × multiply-adds / time, one kernel call (after one warm-up call; wasm: mean of 5, cpu: 1). 'ours' for the input gradient is the composed convolution even where the installed policy keeps the stock kernel (cpu).",
  ].join('\n');
}
