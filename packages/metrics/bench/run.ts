// Benchmark of @cce/metrics: every metric at N labels with K clusters
// (time and peak-memory growth), and linear assignment, ours against the
// munkres package. Writes bench-results/metrics.{md,json}.
// Usage: pnpm --filter @cce/metrics bench [--quick]

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { munkres } from 'munkres';
import { linearAssignment } from '../src/index.js';
import { METRICS, makeInputs, TOP_K_SHRINK, xorshift } from './inputs.js';

const quick = process.argv.includes('--quick');
const K = quick ? 20 : 100;
const SIZES = quick ? [10_000, 100_000] : [100_000, 1_000_000, 10_000_000];
const ASSIGNMENT_KS = quick ? [20, 50] : [100, 300, 1000];
const MB = 1024 * 1024;

function bestOf(reps: number, run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

interface MetricRow {
  metric: string;
  n: number;
  ms: number;
  peakRssGrowthBytes: number;
  heapAndBuffersGrowthBytes: number;
}

function benchMetrics(): MetricRow[] {
  const rows: MetricRow[] = [];
  const warm = makeInputs(10_000, K);
  for (const metric of Object.values(METRICS)) metric(warm, K);
  for (const n of SIZES) {
    const inputs = makeInputs(n, K);
    for (const [name, metric] of Object.entries(METRICS)) {
      const ms = bestOf(n >= 10_000_000 ? 2 : 3, () => metric(inputs, K));
      rows.push({ metric: name, n, ms, ...probeMemory(name, n) });
    }
  }
  return rows;
}

/** Runs the metric once in a fresh Node process and reads its peak RSS. */
function probeMemory(name: string, n: number) {
  const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', probe, name, String(n), String(K)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as {
    peakRssGrowthBytes: number;
    heapAndBuffersGrowthBytes: number;
  };
}

interface AssignmentRow {
  family: string;
  k: number;
  oursMs: number;
  munkresMs: number;
  sameTotal: boolean;
}

const FAMILIES: Record<string, (k: number) => Float64Array> = {
  // −counts of a noisy clustering of 100·K examples (what accuracy solves).
  contingency: (k) => {
    const x = makeInputs(100 * k, k, 7);
    const cost = new Float64Array(k * k);
    for (let i = 0; i < x.labelsTrue.length; i++) {
      cost[x.labelsTrue[i]! * k + x.labelsPred[i]!]! -= 1;
    }
    return cost;
  },
  'uniform [0, 1)': (k) => {
    const random = xorshift(9);
    return Float64Array.from({ length: k * k }, () => random());
  },
  'Machol–Wien i·j': (k) =>
    Float64Array.from({ length: k * k }, (_, c) => Math.floor(c / k) * (c % k)),
};

function benchAssignment(): AssignmentRow[] {
  const rows: AssignmentRow[] = [];
  for (const [family, make] of Object.entries(FAMILIES)) {
    for (const k of ASSIGNMENT_KS) {
      const cost = make(k);
      const matrix = Array.from({ length: k }, (_, i) =>
        cost.subarray(i * k, (i + 1) * k),
      );
      const reps = k >= 1000 ? 1 : 3;
      let ours = 0;
      let theirs = 0;
      const oursMs = bestOf(reps, () => {
        ours = linearAssignment(cost, k, k).total;
      });
      const munkresMs = bestOf(reps, () => {
        theirs = munkres(matrix).reduce((s, [y, x]) => s + cost[y * k + x]!, 0);
      });
      rows.push({ family, k, oursMs, munkresMs, sameTotal: ours === theirs });
    }
  }
  return rows;
}

function fmt(x: number, digits = 1): string {
  return x.toFixed(digits);
}

function toMarkdown(metrics: MetricRow[], assignment: AssignmentRow[]) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# @cce/metrics benchmark',
    '',
    `Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()}; ${new Date().toISOString().slice(0, 10)}.`,
    'The machine is shared with other jobs while this runs: timings are noisy (expect ±30%).',
    `Mode: ${quick ? 'quick (smoke test sizes)' : 'full'}. Command: \`pnpm --filter @cce/metrics bench${quick ? ' --quick' : ''}\`.`,
    '',
    `## Metrics, K = ${K} classes and clusters, Int32Array labels`,
    '',
    `Time: best of 3 runs (2 at N = ${SIZES.at(-1)!.toExponential(0).replace('+', '')}), in ms. Inputs: two Int32Array label arrays, 8 bytes per label (${fmt((8 * SIZES.at(-1)!) / MB, 0)} MB at the largest N).`,
    `topKAccuracy reads N/${TOP_K_SHRINK} rows of K probabilities (Float32Array of N·K/${TOP_K_SHRINK} numbers).`,
    '',
    `| metric | ${SIZES.map((n) => `ms @ N=${n.toExponential(0).replace('+', '')}`).join(' | ')} | ns/label @ ${SIZES.at(-1)!.toExponential(0).replace('+', '')} |`,
    `|---|${SIZES.map(() => '--:').join('|')}|--:|`,
  ];
  const rowsOf = (name: string) =>
    SIZES.map((n) => metrics.find((r) => r.metric === name && r.n === n)!);
  for (const name of Object.keys(METRICS)) {
    const rows = rowsOf(name);
    const last = rows.at(-1)!;
    lines.push(
      `| ${name} | ${rows.map((r) => fmt(r.ms)).join(' | ')} | ${fmt((last.ms * 1e6) / last.n, 2)} |`,
    );
  }
  lines.push(
    '',
    '### Memory beyond the inputs',
    '',
    'Each metric runs once in a fresh process (after a warm-up on 2000 labels). "alloc" is the growth of V8 heap + ArrayBuffer bytes across the call (no GC forced, so it counts what the call allocated); "peak RSS" is the growth of the process peak resident set (page-granular, coarse for small values).',
    '',
    `| metric | ${SIZES.map((n) => `alloc MB @ ${n.toExponential(0).replace('+', '')}`).join(' | ')} | peak RSS MB @ ${SIZES.at(-1)!.toExponential(0).replace('+', '')} |`,
    `|---|${SIZES.map(() => '--:').join('|')}|--:|`,
  );
  for (const name of Object.keys(METRICS)) {
    const rows = rowsOf(name);
    lines.push(
      `| ${name} | ${rows.map((r) => fmt(r.heapAndBuffersGrowthBytes / MB, 2)).join(' | ')} | ${fmt(rows.at(-1)!.peakRssGrowthBytes / MB, 1)} |`,
    );
  }
  lines.push(
    '',
    '## Linear assignment, K × K, ours (shortest augmenting path) vs munkres 2.0.4',
    '',
    'Best of 3 runs (1 at K = 1000). "ratio" is munkres time over ours (> 1: ours is faster).',
    '',
    '| cost matrix | K | ours ms | munkres ms | ratio | same optimum |',
    '|---|--:|--:|--:|--:|:-:|',
  );
  for (const r of assignment) {
    lines.push(
      `| ${r.family} | ${r.k} | ${fmt(r.oursMs)} | ${fmt(r.munkresMs)} | ${fmt(r.munkresMs / r.oursMs, 2)} | ${r.sameTotal ? 'yes' : 'NO'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const metrics = benchMetrics();
const assignment = benchAssignment();
const markdown = toMarkdown(metrics, assignment);
process.stdout.write(markdown);

const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const suffix = quick ? '-quick' : '';
writeFileSync(`${outDir}metrics${suffix}.md`, markdown);
writeFileSync(
  `${outDir}metrics${suffix}.json`,
  `${JSON.stringify(
    {
      quick,
      k: K,
      sizes: SIZES,
      node: process.version,
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      date: new Date().toISOString(),
      metrics,
      assignment,
    },
    null,
    2,
  )}\n`,
);
