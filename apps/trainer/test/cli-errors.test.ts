// Every kind of bad input ends with exit code 2 and one line on stderr that
// names the culprit, without a stack trace.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cce, isOneLine, removeDir, tempDir } from './helpers.js';

let cwd: string;

beforeAll(async () => {
  cwd = await tempDir();
  await writeFile(join(cwd, 'broken.json'), '{ "epochs": 3,');
  await writeFile(join(cwd, 'unknown-key.json'), '{ "epoch": 3 }');
  await writeFile(join(cwd, 'bad-value.json'), '{ "clusters": 1 }');
  await writeFile(join(cwd, 'array.json'), '[1, 2]');
  await writeFile(join(cwd, 'bad.csv'), 'split,index,cluster\ntrain,0,x\n');
  await writeFile(join(cwd, 'nolabels.csv'), 'cluster\n1\n0\n');
  await mkdir(join(cwd, 'a-folder'));
});

afterAll(() => removeDir(cwd));

const cases: [string, string[], RegExp][] = [
  ['no command', [], /'command' must be one of cluster/],
  ['an unknown command', ['clustr'], /unknown command 'clustr'.*cluster/],
  [
    'an unknown flag',
    ['cluster', '--clusterz', '3'],
    /unknown option '--clusterz'/,
  ],
  [
    'a missing flag value',
    ['cluster', '--epochs'],
    /'--epochs <n>' argument missing/,
  ],
  ['an extra argument', ['cluster', 'mnist'], /too many arguments/],
  [
    'an unknown data set',
    ['cluster', '--dataset', 'mnust'],
    /'--dataset' must be one of 'mnist'.*got "mnust"/,
  ],
  [
    'an unknown objective',
    ['cluster', '--objective', 'kl'],
    /'--objective' must be one of.*got "kl"/,
  ],
  [
    'an unknown backbone',
    ['cluster', '--backbone', 'vgg16'],
    /'--backbone' must be one of/,
  ],
  [
    'an unknown loss',
    ['train', '--loss', 'focal'],
    /'--loss' must be one of 'collision'/,
  ],
  [
    '--clusters 1',
    ['cluster', '--clusters', '1'],
    /'--clusters' must be an integer >= 2, got 1$/m,
  ],
  [
    '--clusters 0',
    ['cluster', '--clusters', '0'],
    /'--clusters' must be an integer >= 2, got 0$/m,
  ],
  [
    'a non-integer --clusters',
    ['cluster', '--clusters', '2.5'],
    /'--clusters' must be an integer >= 2, got "2.5"/,
  ],
  [
    'a word for --epochs',
    ['cluster', '--epochs', 'ten'],
    /'--epochs' must be an integer >= 1, got "ten"/,
  ],
  [
    '--eval-every 0',
    ['train', '--eval-every', '0'],
    /'--eval-every' must be an integer >= 1, got 0$/m,
  ],
  [
    'a negative --lr',
    ['cluster', '--lr', '-1'],
    /'--lr' must be a finite number > 0, got -1/,
  ],
  [
    'a negative --lambda',
    ['cluster', '--lambda', '-0.5'],
    /'--lambda' must be a finite number >= 0/,
  ],
  [
    '--eta above 1',
    ['train', '--eta', '1.5'],
    /'--eta' must be a number in \[0, 1\], got 1.5/,
  ],
  [
    'a bad --hidden list',
    ['cluster', '--hidden', '64,x'],
    /'--hidden' must be a comma-separated list/,
  ],
  [
    '--batch-size 1',
    ['cluster', '--batch-size', '1'],
    /'--batch-size' must be an integer >= 2/,
  ],
  [
    'an unknown --log-level',
    ['cluster', '--log-level', 'loud'],
    /'--log-level' must be one of 'error'/,
  ],
  [
    'a missing --config file',
    ['cluster', '--config', 'nope.json'],
    /'--config' must be a readable JSON file, got ".*nope.json" \(no such file\)/,
  ],
  [
    'a folder as --config',
    ['cluster', '--config', 'a-folder'],
    /'--config' must be a readable JSON file/,
  ],
  [
    'a --config with broken JSON',
    ['cluster', '--config', 'broken.json'],
    /'--config' must be valid JSON, got broken.json/,
  ],
  [
    'a --config that is an array',
    ['cluster', '--config', 'array.json'],
    /'--config' must be a JSON object/,
  ],
  [
    'a --config with an unknown key',
    ['cluster', '--config', 'unknown-key.json'],
    /'epoch' must be a known setting.*In unknown-key.json/,
  ],
  [
    'a --config with a bad value',
    ['cluster', '--config', 'bad-value.json'],
    /'clusters' must be an integer >= 2, got 1. In bad-value.json/,
  ],
  [
    '--dataset features without --features',
    ['cluster', '--dataset', 'features', '--clusters', '3'],
    /'--features' must be a .npy or .csv file/,
  ],
  [
    'a missing --features file',
    [
      'cluster',
      '--dataset',
      'features',
      '--features',
      'missing.npy',
      '--clusters',
      '3',
    ],
    /missing.npy/,
  ],
  [
    'cifar10 without --data-dir',
    ['cluster', '--dataset', 'cifar10'],
    /'--data-dir' must be a folder with the cifar10 files/,
  ],
  [
    'vectors for a convolutional backbone',
    ['cluster', '--dataset', 'synthetic', '--backbone', 'vgg4'],
    /'--backbone' must be linear or mlp for synthetic examples of shape \[8\]/,
  ],
  [
    'more clusters than examples',
    [
      'cluster',
      '--dataset',
      'synthetic',
      '--samples',
      '10',
      '--clusters',
      '11',
    ],
    /'--clusters' must be at most the number of training examples \(10\)/,
  ],
  [
    '--resume of a missing run',
    ['cluster', '--resume', 'runs/none'],
    /'--resume' must be a run folder with config.json/,
  ],
  [
    '--resume with settings',
    ['cluster', '--resume', 'runs/none', '--epochs', '3'],
    /'--resume' must be used without settings.*--epochs/,
  ],
  [
    '--out on a non-empty folder',
    ['cluster', '--dataset', 'synthetic', '--out', '.'],
    /'--out' must be a new or empty folder/,
  ],
  [
    'eval without a source',
    ['eval'],
    /'--checkpoint' must be given, or --predictions/,
  ],
  [
    'eval of a missing predictions file',
    ['eval', '--predictions', 'none.csv'],
    /'--predictions' must be a readable file, got ".*none.csv" \(no such file\)/,
  ],
  [
    'eval of a bad predictions file',
    ['eval', '--predictions', 'bad.csv'],
    /'--predictions' must be integer ids >= 0, got "x". In bad.csv, line 2/,
  ],
  [
    'eval of predictions without truth',
    ['eval', '--predictions', 'nolabels.csv'],
    /'--truth' must be given when the predictions CSV has no label column/,
  ],
  [
    'eval of a missing checkpoint',
    ['eval', '--checkpoint', 'a-folder'],
    /'--checkpoint' must be a run folder or a checkpoint folder/,
  ],
  [
    'bench of an unknown package',
    ['bench', '--packages', 'nope'],
    /'--packages' must be a comma-separated list of/,
  ],
];

describe('bad input', () => {
  it.each(cases)(
    'exits 2 with one line on stderr when given %s',
    async (_name, args, message) => {
      const run = await cce(args, cwd);

      expect(run.code).toBe(2);
      expect(isOneLine(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    },
  );
});
