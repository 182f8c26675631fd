// A run stopped by Ctrl-C (here: an aborted signal) and continued with
// --resume ends with exactly the metrics, predictions and per-epoch losses
// of the same run left alone: every random stream is keyed by the seed and
// the epoch/batch index, and the checkpoint holds all other state.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchPosition } from '../src/cli/context.js';
import { cce, isOneLine, removeDir, tempDir } from './helpers.js';

let cwd: string;

beforeAll(async () => {
  cwd = await tempDir();
});

afterAll(() => removeDir(cwd));

/** The deterministic part of epochs.jsonl (timings dropped). */
async function history(run: string): Promise<unknown[]> {
  const text = await readFile(join(cwd, run, 'epochs.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const { seconds, imagesPerSecond, ...rest } = JSON.parse(line);
      return rest;
    });
}

async function interruptedThenResumed(
  args: string[],
  name: string,
  stopAt: (p: BatchPosition) => boolean,
) {
  const controller = new AbortController();
  const stopped = await cce([...args, '--out', name, '--quiet'], cwd, {
    signal: controller.signal,
    hooks: {
      afterBatch: (position) => {
        if (stopAt(position)) controller.abort();
      },
    },
  });
  const resumed = await cce(
    ['cluster', '--resume', name, '--json', '--quiet'],
    cwd,
  );
  return { stopped, resumed };
}

/** `cce cluster` on 600 synthetic points in 5 clusters. */
const SYNTHETIC = [
  'cluster',
  '--dataset',
  'synthetic',
  '--clusters',
  '5',
  '--samples',
  '600',
];

const cases: [string, string[], (p: BatchPosition) => boolean][] = [
  [
    'synthetic data stopped mid-epoch',
    [...SYNTHETIC, '--epochs', '4'],
    (p) => p.epoch === 2 && p.batch === 2,
  ],
  [
    'synthetic data stopped at the end of an epoch',
    [...SYNTHETIC, '--epochs', '4'],
    (p) => p.epoch === 1 && p.batch === p.batches - 1,
  ],
  [
    'synthetic data trained with SGD and momentum stopped mid-epoch',
    [...SYNTHETIC, '--epochs', '3', '--optimizer', 'sgd'],
    (p) => p.epoch === 2 && p.batch === 1,
  ],
  [
    'MNIST with two augmented views stopped mid-epoch',
    [
      'cluster',
      '--samples',
      '600',
      '--hidden',
      '32',
      '--batch-size',
      '100',
      '--epochs',
      '3',
      '--two-view',
      '--eval-samples',
      '300',
    ],
    (p) => p.epoch === 2 && p.batch === 3,
  ],
];

describe('--resume', () => {
  it.each(cases)(
    'ends like the uninterrupted run for %s',
    async (name, args, stopAt) => {
      const dirA = `${name.replaceAll(' ', '-')}-a`;
      const dirB = `${name.replaceAll(' ', '-')}-b`;
      const straight = await cce(
        [...args, '--out', dirA, '--json', '--quiet'],
        cwd,
      );
      const { stopped, resumed } = await interruptedThenResumed(
        args,
        dirB,
        stopAt,
      );

      expect(straight.code).toBe(0);
      expect(stopped.code).toBe(130);
      expect(isOneLine(stopped.stderr)).toBe(true);
      expect(stopped.stderr).toMatch(
        /interrupted at epoch \d+, batch \d+; checkpoint written. Continue with: cce cluster --resume /,
      );
      expect(resumed.code).toBe(0);

      const a = JSON.parse(straight.stdout);
      const b = JSON.parse(resumed.stdout);
      for (const key of ['acc', 'nmi', 'ari']) expect(b[key]).toBe(a[key]);
      expect(b.clusterSizes).toEqual(a.clusterSizes);
      expect(await history(dirB)).toEqual(await history(dirA));
      const csv = (dir: string) =>
        readFile(join(cwd, dir, 'predictions.csv'), 'utf8');
      expect(await csv(dirB)).toBe(await csv(dirA));
      // the epochs before the interruption count towards trainingSeconds
      const logged = (await readFile(join(cwd, dirB, 'epochs.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).seconds as number);
      expect(logged.length).toBe(a.epochs);
      const total = logged.reduce((s, v) => s + v, 0);
      expect(Math.abs(b.trainingSeconds - total)).toBeLessThan(1e-9 * total);
      expect(b.trainingSeconds).toBeGreaterThan(0);
    },
  );

  it('exits 3 naming epoch, batch and loss term and keeps the last good checkpoint when a weight turns NaN', async () => {
    const run = await cce(
      [
        'cluster',
        '--dataset',
        'synthetic',
        '--samples',
        '600',
        '--epochs',
        '3',
        '--out',
        'nan',
        '--quiet',
      ],
      cwd,
      {
        hooks: {
          afterBatch: ({ epoch, batch }, model) => {
            if (epoch !== 2 || batch !== 1) return;
            const v = model.trainableVariables[0]!;
            v.assign(tf.mul(v, Number.NaN));
          },
        },
      },
    );
    expect(run.code).toBe(3);
    expect(isOneLine(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(
      /loss term 'collision' is NaN at epoch 2, batch 2; stopped. The last good checkpoint is nan[/\\]checkpoints[/\\]epoch-0002-batch-000000/,
    );
    const latest = JSON.parse(
      await readFile(join(cwd, 'nan', 'checkpoints', 'latest.json'), 'utf8'),
    );
    expect(latest.checkpoint).toBe('epoch-0002-batch-000000');
  });
});
