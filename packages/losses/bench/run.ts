// Benchmark: loss + gradient w.r.t. the logits for every registered loss,
// N = 4096, K ∈ {10, 100, 1000}, on the cpu and wasm backends, side by side
// with Shannon CE. `--quick` runs tiny sizes for a CI smoke test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { initRuntime } from '@cce/runtime';
import { LOSS_NAMES, getLoss, type LossName } from '../src/index.js';

const quick = process.argv.includes('--quick');
const BACKENDS = ['cpu', 'wasm'] as const;
const N = quick ? 256 : 4096;
const KS = quick ? [10, 100] : [10, 100, 1000];
const WARMUP = quick ? 1 : 2;
const MIN_REPS = quick ? 2 : 5;
const MIN_MS = quick ? 50 : 1500;
const BUDGET = 1.5; // collision may cost at most 1.5× Shannon CE

interface Row {
  backend: string;
  n: number;
  k: number;
  /** Median milliseconds of one loss + gradient, per loss name. */
  ms: Record<LossName, number>;
  reps: Record<LossName, number>;
}

/** One loss + gradient step, timed with its results downloaded. */
function makeStep(name: LossName, targets: Tensor2D, logits: Tensor2D) {
  const { fn } = getLoss(name);
  const step = tf.valueAndGrad((l: Tensor) => fn(targets, l as Tensor2D));
  return async (): Promise<number> => {
    const start = performance.now();
    const { value, grad } = step(logits);
    await Promise.all([value.data(), grad.data()]);
    const elapsed = performance.now() - start;
    tf.dispose([value, grad]);
    return elapsed;
  };
}

/**
 * Median time per loss. Losses run round-robin (one step of each per
 * round) so drift from other jobs on the machine hits all of them alike.
 */
async function timeAll(
  targets: Tensor2D,
  logits: Tensor2D,
): Promise<{ ms: Record<LossName, number>; reps: Record<LossName, number> }> {
  const steps = LOSS_NAMES.map((name) => makeStep(name, targets, logits));
  for (let i = 0; i < WARMUP; i += 1) for (const step of steps) await step();
  const samples = LOSS_NAMES.map(() => [] as number[]);
  let total = 0;
  while ((samples[0] as number[]).length < MIN_REPS || total < MIN_MS) {
    for (const [i, step] of steps.entries()) {
      const ms = await step();
      (samples[i] as number[]).push(ms);
      if (i === 0) total += ms;
    }
  }
  const ms = {} as Record<LossName, number>;
  const reps = {} as Record<LossName, number>;
  LOSS_NAMES.forEach((name, i) => {
    const sorted = (samples[i] as number[]).sort((a, b) => a - b);
    ms[name] = sorted[Math.floor(sorted.length / 2)] as number;
    reps[name] = sorted.length;
  });
  return { ms, reps };
}

async function runBackend(backend: (typeof BACKENDS)[number]): Promise<Row[]> {
  await initRuntime({ backend, seed: 1 });
  const rows: Row[] = [];
  for (const k of KS) {
    const logits = tf.randomNormal([N, k], 0, 3, 'float32', 1) as Tensor2D;
    // Soft labels with exact zeros: a softmax of sparse scores, renormalised.
    const targets = tf.tidy(() => {
      const scores = tf.mul(tf.randomNormal([N, k], 0, 2, 'float32', 2), 1);
      const keep = tf.cast(
        tf.greater(tf.randomUniform([N, k], 0, 1, 'float32', 3), 0.5),
        'float32',
      );
      const raw = tf.mul(tf.softmax(scores), tf.add(keep, 1e-3));
      return tf.div(raw, tf.sum(raw, 1, true));
    }) as Tensor2D;
    const { ms, reps } = await timeAll(targets, logits);
    tf.dispose([logits, targets]);
    rows.push({ backend, n: N, k, ms, reps });
    console.error(`[bench] ${backend} K=${k} done`);
  }
  return rows;
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function markdown(rows: Row[], header: string): string {
  const others = LOSS_NAMES.filter((n) => n !== 'shannon' && n !== 'collision');
  const head = [
    'backend',
    'N',
    'K',
    'shannon ms',
    'collision ms',
    'collision ÷ shannon',
    ...others.map((n) => `${n} ms (÷ shannon)`),
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => {
      const ratio = r.ms.collision / r.ms.shannon;
      const verdict = ratio <= BUDGET ? '' : ' ⚠';
      return `| ${[
        r.backend,
        r.n,
        r.k,
        fmt(r.ms.shannon),
        fmt(r.ms.collision),
        `${ratio.toFixed(2)}×${verdict}`,
        ...others.map(
          (n) => `${fmt(r.ms[n])} (${(r.ms[n] / r.ms.shannon).toFixed(2)}×)`,
        ),
      ].join(' | ')} |`;
    }),
  ];
  return `${header}\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const backend of BACKENDS) rows.push(...(await runBackend(backend)));

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    tfjs: tf.version_core,
    date: new Date().toISOString(),
  };
  const header = [
    `# @cce/losses benchmark${quick ? ' (--quick)' : ''}`,
    '',
    `Median wall time of one loss + gradient w.r.t. the logits (\`tf.valueAndGrad\`, results downloaded), 'mean' reduction, float32, soft targets with ~50% exact zeros. Budget: collision ≤ ${BUDGET}× Shannon (⚠ marks a miss).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, tfjs-core ${machine.tfjs}, ${machine.date}. The machine is noisy: other jobs share its 2 cores, so ratios are more trustworthy than absolute times.`,
    '',
    'Command: `pnpm --filter @cce/losses bench' +
      (quick ? ' --quick' : '') +
      '`',
    '',
  ].join('\n');
  const md = markdown(rows, header);
  console.log(md);

  const dir = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'bench-results',
  );
  mkdirSync(dir, { recursive: true });
  const base = quick ? 'losses-quick' : 'losses';
  writeFileSync(join(dir, `${base}.md`), md);
  writeFileSync(
    join(dir, `${base}.json`),
    `${JSON.stringify({ quick, budget: BUDGET, machine, rows }, null, 2)}\n`,
  );
}

await main();
