// Benchmark: forward + backward of a small VGG-style network on every
// available backend, stock kernels against ours, in one run.
// Usage: tsx bench/run.ts [--quick]   (writes bench-results/runtime*.{md,json})
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-layers'; // registers the gradients
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import {
  registerTrainingKernels,
  restoreStockKernels,
} from '../src/kernels/index.js';
import { kernelRows, type KernelRow, kernelTable } from './kernel-table.js';
import {
  FULL_NET,
  flopsPerImage,
  makeNet,
  type NetSpec,
  netLoss,
  QUICK_NET,
} from './network.js';
import { registerThreadedWasm } from './wasm-threaded-backend.js';

const quick = process.argv.includes('--quick');
const spec: NetSpec = quick ? QUICK_NET : FULL_NET;
const BATCH = quick ? 8 : 64;

interface Config {
  backend: 'cpu' | 'wasm' | 'tensorflow';
  kernels: 'stock' | 'ours';
  threads: number;
  batch: number;
  warmupBatch: number;
  warmup: number;
  steps: number;
}

interface Row extends Config {
  msPerStep: number | null; // median of the timed steps
  imagesPerSecond: number | null;
  gflops: number | null;
  vsStockJs: number | null;
  note: string;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function batchOf(n: number, seed: number) {
  const x = tf.randomUniform(
    [n, spec.size, spec.size, 1],
    0,
    1,
    'float32',
    seed,
  ) as tf.Tensor4D;
  const labels = tf.tensor1d(
    Array.from({ length: n }, (_, i) => i % spec.classes),
    'int32',
  );
  const onehot = tf.cast(
    tf.oneHot(labels, spec.classes),
    'float32',
  ) as tf.Tensor2D;
  labels.dispose();
  return { x, onehot };
}

/** One forward + backward pass; returns its wall time in ms. */
function step(
  vars: tf.Variable[],
  x: tf.Tensor4D,
  onehot: tf.Tensor2D,
): number {
  const start = performance.now();
  const { value, grads } = tf.variableGrads(
    () => netLoss(spec, vars, x, onehot),
    vars,
  );
  value.dataSync();
  for (const g of Object.values(grads)) g.dataSync();
  const ms = performance.now() - start;
  tf.dispose([value, ...Object.values(grads)]);
  return ms;
}

async function measure(cfg: Config): Promise<Row> {
  const row: Row = {
    ...cfg,
    msPerStep: null,
    imagesPerSecond: null,
    gflops: null,
    vsStockJs: null,
    note: '',
  };
  await tf.setBackend(cfg.backend);
  if (cfg.backend !== 'tensorflow') {
    if (cfg.kernels === 'ours') registerTrainingKernels(cfg.backend);
    else restoreStockKernels(cfg.backend);
  }
  const vars = makeNet(spec, 1);
  try {
    if (cfg.warmup > 0) {
      const warm = batchOf(cfg.warmupBatch, 2);
      for (let i = 0; i < cfg.warmup; i++) step(vars, warm.x, warm.onehot);
      tf.dispose([warm.x, warm.onehot]);
    }
    const { x, onehot } = batchOf(cfg.batch, 3);
    const times: number[] = [];
    for (let i = 0; i < cfg.steps; i++) times.push(step(vars, x, onehot));
    tf.dispose([x, onehot]);
    row.msPerStep = median(times);
    row.imagesPerSecond = (cfg.batch * 1000) / row.msPerStep;
    const f = flopsPerImage(spec);
    row.gflops = (row.imagesPerSecond * (f.forward + f.backward)) / 1e9;
  } catch (error) {
    row.note = `fails: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    tf.dispose(vars);
  }
  return row;
}

function configs(): Config[] {
  const full = (
    c: Partial<Config> & Pick<Config, 'backend' | 'kernels'>,
  ): Config => ({
    threads: 1,
    batch: BATCH,
    warmupBatch: BATCH,
    warmup: quick ? 1 : 2,
    steps: quick ? 2 : 10,
    ...c,
  });
  return [
    // Stock JS: ~4 s per image here, so 4 images, one timed step after a
    // 1-image warm-up; every kernel's cost is linear in the batch.
    full({
      backend: 'cpu',
      kernels: 'stock',
      batch: quick ? BATCH : 4,
      warmupBatch: 1,
      warmup: 1,
      steps: 1,
    }),
    full({
      backend: 'cpu',
      kernels: 'ours',
      warmupBatch: quick ? BATCH : 4,
      warmup: 1,
      steps: quick ? 1 : 2,
    }),
    full({ backend: 'wasm', kernels: 'stock', warmup: 0, steps: 1 }),
    full({ backend: 'wasm', kernels: 'ours' }),
  ];
}

async function tryTensorflow(): Promise<string | null> {
  try {
    await import('@tensorflow/tfjs-node' as string);
    await tf.setBackend('tensorflow');
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'does not load';
  }
}

function fmt(value: number | null, digits: number): string {
  return value == null ? '–' : value.toFixed(digits);
}

function mainTable(rows: Row[]): string {
  const head =
    '| backend | kernels | threads | batch | timed steps | ms/step | images/s | GFLOP/s | × stock JS | note |\n' +
    '|---|---|---|---|---|---|---|---|---|---|\n';
  return (
    head +
    rows
      .map((r) =>
        [
          r.backend,
          r.kernels,
          r.threads,
          r.batch,
          r.steps,
          fmt(r.msPerStep, 1),
          fmt(
            r.imagesPerSecond,
            r.imagesPerSecond != null && r.imagesPerSecond < 10 ? 3 : 1,
          ),
          fmt(r.gflops, 2),
          r.vsStockJs == null
            ? '–'
            : `${r.vsStockJs.toFixed(r.vsStockJs < 10 ? 2 : 0)}×`,
          r.note,
        ].join(' | '),
      )
      .map((line) => `| ${line} |`)
      .join('\n')
  );
}

async function main(): Promise<void> {
  const loadStart = os.loadavg();
  const started = new Date();
  const rows: Row[] = [];
  for (const cfg of configs()) {
    rows.push(await measure(cfg));
    process.stderr.write(
      `[bench] ${cfg.backend}/${cfg.kernels}: ${rows.at(-1)?.note || `${fmt(rows.at(-1)?.msPerStep ?? null, 1)} ms/step`}\n`,
    );
  }
  const kernels: KernelRow[] = await kernelTable(spec, quick);

  // Threads: re-register 'wasm' as the threaded build and measure again.
  let threadNote = '';
  try {
    registerThreadedWasm(2);
    const row = await measure({
      backend: 'wasm',
      kernels: 'ours',
      threads: 2,
      batch: BATCH,
      warmupBatch: BATCH,
      warmup: quick ? 1 : 2,
      steps: quick ? 2 : 10,
    });
    const actual = getThreadsCount();
    row.threads = actual;
    row.note =
      row.note ||
      'threaded SIMD build, loaded by bench/wasm-threaded-backend.ts';
    rows.push(row);
  } catch (error) {
    threadNote = `threaded wasm did not load: ${(error as Error).message}`;
  }

  const tfError = await tryTensorflow();
  if (tfError == null) {
    rows.push(
      await measure({
        backend: 'tensorflow',
        kernels: 'stock',
        threads: os.cpus().length,
        batch: BATCH,
        warmupBatch: BATCH,
        warmup: 2,
        steps: quick ? 2 : 10,
      }),
    );
  }

  const stockJs = rows.find(
    (r) => r.backend === 'cpu' && r.kernels === 'stock',
  )?.imagesPerSecond;
  for (const r of rows) {
    if (stockJs && r.imagesPerSecond) r.vsStockJs = r.imagesPerSecond / stockJs;
  }
  const loadEnd = os.loadavg();
  const f = flopsPerImage(spec);
  const best = rows
    .filter((r) => r.kernels === 'ours' && r.imagesPerSecond != null)
    .sort((a, b) => (b.imagesPerSecond ?? 0) - (a.imagesPerSecond ?? 0))[0];

  const md = [
    `# @cce/runtime benchmark${quick ? ' (--quick: reduced network, not for comparison)' : ''}`,
    '',
    `Forward + backward (tf.variableGrads, no optimizer update) of a VGG-style network on ${spec.size}×${spec.size}×1:`,
    `conv${spec.channels[0]}-conv${spec.channels[1]}-pool-conv${spec.channels[2]}-conv${spec.channels[3]}-pool-dense${spec.classes} (3×3 'same' convolutions with bias and ReLU, 2×2 max pooling, softmax cross entropy).`,
    '',
    mainTable(rows),
    '',
    `FLOPs per image, counted analytically per op (2 × multiply-adds of every convolution and matrix product; the backward pass counts the filter gradient of every layer and the input gradient of every layer but the first; bias, ReLU, pooling and loss are not counted): forward ${(f.forward / 1e6).toFixed(2)} MFLOP, backward ${(f.backward / 1e6).toFixed(2)} MFLOP, total ${((f.forward + f.backward) / 1e6).toFixed(2)} MFLOP. ms/step is the median of the timed steps; images/s = batch / step time.`,
    '',
    'Stock JS (plain JS backend, stock kernels) needs seconds per image, so it runs a smaller batch with one timed step after a 1-image warm-up; every kernel scales linearly with the batch, so its images/s compares directly. The wasm backend has no stock `Conv2DBackpropFilter`, so its stock row cannot train at all.',
    tfError == null
      ? ''
      : `\nBackend \`tensorflow\` (tfjs-node): not available here (${tfError}).`,
    threadNote ? `\n${threadNote}` : '',
    '',
    best
      ? `Targets: best of ours (${best.backend}, ${best.threads} thread${best.threads > 1 ? 's' : ''}) is ${fmt(best.vsStockJs, 0)}× the stock JS backend (target ≥ 300×: ${best.vsStockJs != null && best.vsStockJs >= 300 ? 'met' : 'MISSED'}) at ${fmt(best.gflops, 2)} effective GFLOP/s (target ≥ 10: ${best.gflops != null && best.gflops >= 10 ? 'met' : 'MISSED'}).`
      : 'Targets: no configuration with our kernels ran.',
    '',
    '## Gradient kernels, stock against ours',
    '',
    kernelRows(kernels),
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, tfjs ${tf.version_core}. Load average (1/5/15 min) ${loadStart.map((l) => l.toFixed(2)).join('/')} at the start, ${loadEnd.map((l) => l.toFixed(2)).join('/')} at the end: other jobs share this machine, so the numbers are noisy. Run ${started.toISOString()}.`,
    '',
  ].join('\n');

  process.stdout.write(md);
  const dir = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'bench-results',
  );
  mkdirSync(dir, { recursive: true });
  const base = quick ? 'runtime-quick' : 'runtime';
  writeFileSync(join(dir, `${base}.md`), md);
  writeFileSync(
    join(dir, `${base}.json`),
    `${JSON.stringify({ date: started.toISOString(), quick, spec, flopsPerImage: f, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, tfjs: tf.version_core, loadStart, loadEnd }, rows, kernels, tensorflow: tfError ?? 'loaded' }, null, 2)}\n`,
  );
  process.exit(0); // the threaded build's workers would keep the process alive
}

await main();
