// Benchmark E4: training throughput of each backbone on each backend, in
// one run. Forward + backward (tf.variableGrads of a softmax cross-entropy)
// at batch 64; images/s and effective GFLOP/s from countFlops.
// Usage: pnpm --filter @cce/backbones bench [--quick] [--backends=wasm,cpu]
//        [--budget=<seconds per case>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { type BackendName, getRuntimeInfo, initRuntime } from '@cce/runtime';
import {
  type BackboneOptions,
  countFlops,
  createBackbone,
} from '../src/index.js';
import { layersVgg4 } from './layers-vgg4.js';

interface Case {
  label: string;
  options: BackboneOptions;
  /** Also time the tfjs-layers version of this VGG4. */
  compareLayers?: boolean;
}

interface Result {
  backend: BackendName;
  label: string;
  implementation: 'core ops' | 'tfjs-layers';
  batch: number;
  numParams: number;
  trainingFlopsPerImage: number;
  firstStepMs: number;
  measuredSteps: number;
  msPerStep: number;
  imagesPerSecond: number;
  gflops: number;
  note: string;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const batch = quick ? 8 : 64;
const budgetMs = Number(flag('budget') ?? (quick ? 0.5 : 20)) * 1000;
const maxSteps = quick ? 3 : 10;

function cases(): Case[] {
  if (quick) {
    return [
      {
        label: 'linear 64→10',
        options: {
          architecture: 'linear',
          inputShape: [64],
          numClasses: 10,
          seed: 0,
        },
      },
      {
        label: 'mlp 64–128–128–10',
        options: {
          architecture: 'mlp',
          inputShape: [64],
          numClasses: 10,
          seed: 0,
          hiddenUnits: [128, 128],
        },
      },
      {
        label: 'vgg4 16×16×3 (w/8)',
        options: {
          architecture: 'vgg4',
          inputShape: [16, 16, 3],
          numClasses: 10,
          seed: 0,
          widths: [8, 16, 32, 64],
        },
        compareLayers: true,
      },
      {
        label: 'resnet18 8×8×3 (w/8)',
        options: {
          architecture: 'resnet18',
          inputShape: [8, 8, 3],
          numClasses: 10,
          seed: 0,
          widths: [8, 16, 32, 64],
        },
      },
    ];
  }
  return [
    {
      label: 'linear 512→10',
      options: {
        architecture: 'linear',
        inputShape: [512],
        numClasses: 10,
        seed: 0,
      },
    },
    {
      label: 'mlp 784–1200–1200–10 (BN)',
      options: {
        architecture: 'mlp',
        inputShape: [28, 28, 1],
        numClasses: 10,
        seed: 0,
      },
    },
    {
      label: 'vgg4 28×28×1',
      options: {
        architecture: 'vgg4',
        inputShape: [28, 28, 1],
        numClasses: 10,
        seed: 0,
      },
    },
    {
      label: 'vgg4 32×32×3',
      options: {
        architecture: 'vgg4',
        inputShape: [32, 32, 3],
        numClasses: 10,
        seed: 0,
      },
      compareLayers: true,
    },
    {
      label: 'resnet18 32×32×3',
      options: {
        architecture: 'resnet18',
        inputShape: [32, 32, 3],
        numClasses: 10,
        seed: 0,
      },
    },
  ];
}

/** Times steps of `step` until the budget or maxSteps; first step apart. */
function timeSteps(step: () => void) {
  let start = performance.now();
  step();
  const firstStepMs = performance.now() - start;
  const times: number[] = [];
  const began = performance.now();
  while (
    firstStepMs < budgetMs &&
    times.length < maxSteps &&
    (times.length === 0 || performance.now() - began < budgetMs)
  ) {
    start = performance.now();
    step();
    times.push(performance.now() - start);
  }
  if (times.length === 0) {
    return {
      firstStepMs,
      steps: 1,
      msPerStep: firstStepMs,
      note: 'one step, includes warm-up',
    };
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor((times.length - 1) / 2)]!;
  return {
    firstStepMs,
    steps: times.length,
    msPerStep: median,
    note: 'median after 1 warm-up step',
  };
}

function trainingStep(
  apply: (x: tf.Tensor) => tf.Tensor,
  variables: tf.Variable[],
  x: tf.Tensor,
  labels: tf.Tensor,
): () => void {
  return () => {
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(labels, apply(x)) as tf.Scalar,
      variables,
    );
    value.dataSync(); // wait for the backend (a no-op on cpu/wasm)
    tf.dispose([value, ...Object.values(grads)]);
  };
}

function benchCase(backend: BackendName, c: Case): Result[] {
  const model = createBackbone(c.options);
  const flops = countFlops(model).training;
  const x = tf.randomNormal(
    [batch, ...c.options.inputShape],
    0,
    1,
    'float32',
    1,
  );
  const labels = tf.oneHot(
    tf.randomUniform(
      [batch],
      0,
      c.options.numClasses,
      'int32',
      2,
    ) as tf.Tensor1D,
    c.options.numClasses,
  );
  const results: Result[] = [];
  const record = (
    implementation: Result['implementation'],
    numParams: number,
    t: ReturnType<typeof timeSteps>,
  ) => {
    results.push({
      backend,
      label: c.label,
      implementation,
      batch,
      numParams,
      trainingFlopsPerImage: flops,
      firstStepMs: t.firstStepMs,
      measuredSteps: t.steps,
      msPerStep: t.msPerStep,
      imagesPerSecond: (batch * 1000) / t.msPerStep,
      gflops: (flops * batch) / (t.msPerStep * 1e6),
      note: t.note,
    });
    process.stderr.write(
      `[bench] ${backend} ${c.label} ${implementation}: ${t.msPerStep.toFixed(0)} ms/step\n`,
    );
  };
  record(
    'core ops',
    model.numParams,
    timeSteps(
      trainingStep(
        (input) => model.apply(input, { training: true }),
        model.trainableVariables,
        x,
        labels,
      ),
    ),
  );
  model.dispose();
  if (c.compareLayers && c.options.architecture === 'vgg4') {
    const widths = c.options.widths ?? [64, 128, 256, 512];
    const layers = layersVgg4(
      [...c.options.inputShape],
      [...widths],
      c.options.numClasses,
    );
    record(
      'tfjs-layers',
      layers.numParams,
      timeSteps(
        trainingStep(
          (input) => layers.apply(input, true),
          layers.trainable,
          x,
          labels,
        ),
      ),
    );
    layers.dispose();
  }
  tf.dispose([x, labels]);
  return results;
}

/** What each backend ran with, or why it was skipped. */
const backendNotes: string[] = [];

async function availableBackends(): Promise<BackendName[]> {
  const requested = flag('backends')?.split(',') as BackendName[] | undefined;
  const candidates: BackendName[] = requested ?? ['tensorflow', 'wasm', 'cpu'];
  const ok: BackendName[] = [];
  for (const backend of candidates) {
    try {
      await initRuntime({ backend });
      ok.push(backend);
      const kernels = getRuntimeInfo()?.trainingKernels ?? [];
      backendNotes.push(
        `${backend}: cce training kernels ${kernels.join(', ') || 'none'}`,
      );
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0]!.slice(0, 160);
      backendNotes.push(`${backend}: skipped (${reason}…)`);
      process.stderr.write(`[bench] skipping ${backend}: ${reason}\n`);
    }
  }
  return ok;
}

function fmt(value: number, digits = 3): string {
  if (value >= 100) return value.toFixed(0);
  return value.toPrecision(digits);
}

function markdown(results: Result[], backends: BackendName[]): string {
  const lines: string[] = [];
  const core = results.filter((r) => r.implementation === 'core ops');
  const labels = [...new Set(core.map((r) => r.label))];
  const header = ['backbone', 'params', 'MFLOP/img (fwd+bwd)'];
  for (const b of backends)
    header.push(`${b} img/s`, `${b} GFLOP/s`, `${b} ms/step (steps)`);
  const base = backends.includes('cpu') ? 'cpu' : undefined;
  const others = backends.filter((b) => b !== base);
  if (base) for (const b of others) header.push(`${b} / ${base}`);
  lines.push(
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
  );
  for (const label of labels) {
    const rows = core.filter((r) => r.label === label);
    const first = rows[0]!;
    const cells = [
      label,
      first.numParams.toLocaleString('en-US'),
      fmt(first.trainingFlopsPerImage / 1e6),
    ];
    for (const b of backends) {
      const r = rows.find((x) => x.backend === b);
      cells.push(
        r ? fmt(r.imagesPerSecond) : '—',
        r ? fmt(r.gflops) : '—',
        r
          ? `${fmt(r.msPerStep)} (${r.measuredSteps}${r.note.startsWith('one') ? '*' : ''})`
          : '—',
      );
    }
    if (base) {
      const rb = rows.find((x) => x.backend === base);
      for (const b of others) {
        const r = rows.find((x) => x.backend === b);
        cells.push(
          r && rb ? `${fmt(r.imagesPerSecond / rb.imagesPerSecond)}×` : '—',
        );
      }
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const layers = results.filter((r) => r.implementation === 'tfjs-layers');
  if (layers.length > 0) {
    lines.push(
      '',
      '| backend | model | core ops img/s | tfjs-layers img/s | core / layers |',
      '|---|---|---|---|---|',
    );
    for (const l of layers) {
      const c = core.find(
        (r) => r.backend === l.backend && r.label === l.label,
      )!;
      lines.push(
        `| ${l.backend} | ${l.label} | ${fmt(c.imagesPerSecond)} | ${fmt(l.imagesPerSecond)} | ${fmt(c.imagesPerSecond / l.imagesPerSecond)}× |`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const backends = await availableBackends();
  const results: Result[] = [];
  for (const backend of backends) {
    await initRuntime({ backend });
    for (const c of cases()) results.push(...benchCase(backend, c));
  }
  const table = markdown(results, backends);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, tfjs-core ${tf.version_core}`;
  const text = [
    `# E4: training throughput of the backbones${quick ? ' (--quick: tiny sizes)' : ''}`,
    '',
    `Forward + backward (\`tf.variableGrads\` of softmax cross-entropy, training-mode batch norm) at batch ${batch}. ` +
      'GFLOP/s = countFlops(model).training × batch / time per step: convolutions and dense layers only (2 FLOPs per multiply–add; ' +
      'weight and input gradients; batch norm, ReLU and pooling not counted). ms/step is the median after one warm-up step; ' +
      '`*` marks a case where only one (warm-up) step fit the time budget.',
    '',
    `Machine: ${machine}. ` +
      'The machine is noisy: other jobs were running, so treat ratios, not absolute numbers, as the result.',
    '',
    'Backends:',
    '',
    ...backendNotes.map((note) => `- ${note}`),
    '',
    table,
    '',
  ].join('\n');
  process.stdout.write(`${text}\n`);

  const out = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'bench-results',
  );
  mkdirSync(out, { recursive: true });
  const name = quick ? 'e4-quick' : 'e4';
  writeFileSync(join(out, `${name}.md`), text);
  writeFileSync(
    join(out, `${name}.json`),
    `${JSON.stringify({ experiment: 'E4', quick, batch, budgetMs, machine, date: new Date().toISOString(), backends, backendNotes, results }, null, 2)}\n`,
  );
}

await main();
