// Child process of the benchmark: builds the inputs, then reports how far
// one metric raises the peak resident memory above the inputs' footprint.
// Usage: memory-probe.ts <metric> <N> <K>

import { METRICS, makeInputs } from './inputs.js';

const [name = '', nArg = '0', kArg = '0'] = process.argv.slice(2);
const metric = METRICS[name];
if (!metric) throw new Error(`unknown metric ${name}`);
const n = Number(nArg);
const k = Number(kArg);

// Warm up on a small input first so JIT code is not counted.
metric(makeInputs(2000, k, 5), k);
const inputs = makeInputs(n, k);
(globalThis as { gc?: () => void }).gc?.();
const before = process.resourceUsage().maxRSS; // KiB, peak so far
const heapBefore = process.memoryUsage();
metric(inputs, k);
const heapAfter = process.memoryUsage();
const after = process.resourceUsage().maxRSS;

process.stdout.write(
  `${JSON.stringify({
    peakRssGrowthBytes: Math.max(0, after - before) * 1024,
    heapAndBuffersGrowthBytes:
      heapAfter.heapUsed +
      heapAfter.arrayBuffers -
      heapBefore.heapUsed -
      heapBefore.arrayBuffers,
  })}\n`,
);
