// The other commands and methods end to end on small data: supervised
// training with Dirichlet label noise, the k-means and IMSAT baselines, a
// --config file with a flag overriding it, and eval of a training run.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBIAN_FASHION_MNIST_DIR } from '../src/data/load-data.js';
import { cce, removeDir, tempDir } from './helpers.js';

let cwd: string;

beforeAll(async () => {
  cwd = await tempDir();
});

afterAll(() => removeDir(cwd));

const synthetic = [
  '--dataset',
  'synthetic',
  '--samples',
  '1000',
  '--json',
  '--quiet',
];

describe('cce train', () => {
  it('learns the synthetic classes from Dirichlet-noised soft labels when η = 0.6', async () => {
    const run = await cce(
      [
        'train',
        ...synthetic,
        '--loss',
        'collision',
        '--label-noise',
        'dirichlet',
        '--eta',
        '0.6',
        '--epochs',
        '10',
        '--out',
        'train',
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      command: 'train',
      method: 'collision',
      clusters: 5,
    });
    // Plain accuracy (class i must be predicted as i): no matching helps.
    expect(result.train.acc).toBeGreaterThan(0.95);
    const config = JSON.parse(
      await readFile(join(cwd, 'train', 'config.json'), 'utf8'),
    );
    expect(config).toMatchObject({
      command: 'train',
      labelNoise: 'dirichlet',
      eta: 0.6,
    });
  });

  it('scores the training run with plain accuracy when evaluated with --checkpoint', async () => {
    const run = await cce(
      ['eval', '--checkpoint', 'train', '--json', '--quiet'],
      cwd,
    );
    expect(run.code).toBe(0);
    const trained = JSON.parse(
      await readFile(join(cwd, 'train', 'result.json'), 'utf8'),
    );
    expect(JSON.parse(run.stdout).acc).toBeCloseTo(trained.train.acc, 10);
  });

  it('trains from a soft-label file when --soft-labels is given', async () => {
    const rows = ['a,b,c'];
    for (let i = 0; i < 1000; i++)
      rows.push(i % 2 ? '0.8,0.1,0.1' : '0.1,0.1,0.8');
    await writeFile(join(cwd, 'soft.csv'), `${rows.join('\n')}\n`);
    const run = await cce(
      [
        'train',
        ...synthetic,
        '--soft-labels',
        'soft.csv',
        '--epochs',
        '2',
        '--out',
        'soft',
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).clusters).toBe(3);
  });
});

describe('cce cluster baselines', () => {
  it('finds the synthetic clusters with k-means when --objective kmeans', async () => {
    const run = await cce(
      ['cluster', ...synthetic, '--objective', 'kmeans', '--out', 'kmeans'],
      cwd,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      method: 'kmeans',
      backbone: null,
      epochs: 0,
    });
    expect(result.acc).toBeGreaterThan(0.95);
  });

  it('logs the mutual-information and consistency terms when --objective imsat', async () => {
    const run = await cce(
      [
        'cluster',
        ...synthetic,
        '--objective',
        'imsat',
        '--epochs',
        '5',
        '--out',
        'imsat',
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).acc).toBeGreaterThan(0.8);
    const first = JSON.parse(
      (await readFile(join(cwd, 'imsat', 'epochs.jsonl'), 'utf8')).split(
        '\n',
      )[0]!,
    );
    expect(Object.keys(first.loss).sort()).toEqual([
      'consistency',
      'imsat',
      'mi',
    ]);
    expect(first.pseudoLabelEntropy).toBeNull();
  });

  it('runs the reverse objective to a finite result', async () => {
    const run = await cce(
      [
        'cluster',
        ...synthetic,
        '--objective',
        'reverse',
        '--epochs',
        '3',
        '--out',
        'reverse',
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).acc).toBeGreaterThan(0.5);
  });
});

describe('--config', () => {
  it('takes settings from the file and lets flags override them', async () => {
    await writeFile(
      join(cwd, 'run.json'),
      JSON.stringify({
        dataset: 'synthetic',
        samples: 500,
        epochs: 7,
        lambda: 2,
      }),
    );
    const run = await cce(
      [
        'cluster',
        '--config',
        'run.json',
        '--epochs',
        '2',
        '--out',
        'configured',
        '--json',
        '--quiet',
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    const config = JSON.parse(
      await readFile(join(cwd, 'configured', 'config.json'), 'utf8'),
    );
    expect(config).toMatchObject({
      dataset: 'synthetic',
      samples: 500,
      epochs: 2,
      lambda: 2,
      lr: 0.01,
    });
  });

  it('accepts a run folder\u2019s config.json as --config', async () => {
    const run = await cce(
      [
        'cluster',
        '--config',
        'configured/config.json',
        '--out',
        'again',
        '--json',
        '--quiet',
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    const a = JSON.parse(
      await readFile(join(cwd, 'configured', 'result.json'), 'utf8'),
    );
    expect(JSON.parse(run.stdout).acc).toBe(a.acc);
  });
});

describe('cce train --eval-every', () => {
  // The evaluation only reads the weights, so skipping it must leave the
  // training untouched: the run evaluated every epoch is the reference.
  it('scores every n-th and the last epoch, and trains exactly as when every epoch is scored', async () => {
    const args = (every: string, out: string) => [
      'train',
      ...synthetic,
      '--label-noise',
      'dirichlet',
      '--eta',
      '0.6',
      '--epochs',
      '5',
      '--eval-every',
      every,
      '--out',
      out,
    ];
    const every = await cce(args('1', 'eval-1'), cwd);
    const sparse = await cce(args('2', 'eval-2'), cwd);
    expect(every.code).toBe(0);
    expect(sparse.code).toBe(0);
    const lines = async (out: string) =>
      (await readFile(join(cwd, out, 'epochs.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    const a = await lines('eval-1');
    const b = await lines('eval-2');
    expect(b.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(b.map((r) => r.train !== null)).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
    for (const [i, r] of b.entries()) {
      expect(r.loss).toEqual(a[i].loss);
      if (r.train === null) {
        expect(r.test).toBeNull();
        expect(r.clusterSizes).toBeNull();
      } else {
        expect(r.train).toEqual(a[i].train);
        expect(r.clusterSizes).toEqual(a[i].clusterSizes);
      }
    }
    expect(await readFile(join(cwd, 'eval-2', 'predictions.csv'), 'utf8')).toBe(
      await readFile(join(cwd, 'eval-1', 'predictions.csv'), 'utf8'),
    );
  });
});

// Debian's dataset-fashion-mnist package ships the official IDX files; the
// first ten training labels of Fashion-MNIST are 9 0 0 3 0 2 7 2 5 5
// (ankle boot, T-shirt, ...), as published with the data set.
describe.skipIf(!existsSync(DEBIAN_FASHION_MNIST_DIR))(
  'cce train --dataset fashion-mnist without --data-dir',
  () => {
    it('reads the Debian package files when they are installed', async () => {
      const run = await cce(
        [
          'train',
          '--dataset',
          'fashion-mnist',
          '--samples',
          '500',
          '--epochs',
          '1',
          '--eval-samples',
          '100',
          '--out',
          'fashion',
          '--json',
          '--quiet',
        ],
        cwd,
      );
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.dataset).toBe('fashion-mnist');
      expect(result.test.samples).toBe(10_000);
      const csv = await readFile(
        join(cwd, 'fashion', 'predictions.csv'),
        'utf8',
      );
      const labels = csv
        .trim()
        .split('\n')
        .slice(1, 11)
        .map((line) => Number(line.split(',')[4]));
      expect(labels).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    });
  },
);
