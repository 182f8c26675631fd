// `cce eval`: ACC/NMI/ARI of a checkpoint on a data set (by default the
// run's own), or of a predictions CSV against the truth.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatShape } from '@cce/errors';
import type { CommandContext } from '../cli/context.js';
import { convertFlags } from '../cli/convert-flags.js';
import type { RawOptions } from '../cli/program.js';
import { UsageError, usageError } from '../cli/usage-error.js';
import {
  BACKENDS,
  type BackendChoice,
  DATA_FIELDS,
  type DatasetName,
  SPLITS,
  type SplitName,
} from '../config/fields.js';
import { loadDataQuietly } from '../data/load-data-logged.js';
import type { DataRequest } from '../data/load-data.js';
import { predict } from '../model/predict.js';
import { modelFromFiles } from '../model/state-files.js';
import { findCheckpoint } from '../run/checkpoint-store.js';
import type { SplitMetrics } from '../run/epoch-record.js';
import { openCheckpoint } from '../run/open-checkpoint.js';
import { RUN_FILES } from '../run/run-folder.js';
import { setupRuntime } from '../run/setup-runtime.js';
import {
  type PredictedSplit,
  parsePredictions,
  parseTruth,
  readTextFile,
} from './read-predictions.js';
import { scoreClassification } from './score-classification.js';
import { scoreClustering } from './score-clustering.js';

/** What `cce eval --json` prints. */
export interface EvalResult {
  acc: number;
  nmi: number;
  ari: number;
  samples: number;
  /** The split the headline numbers are for. */
  split: string;
  splits: Record<string, SplitMetrics>;
  source: string;
}

/** Runs `cce eval` with commander's options. */
export async function runEvalCommand(
  raw: RawOptions,
  ctx: CommandContext,
): Promise<void> {
  const hasCheckpoint = typeof raw.checkpoint === 'string';
  const hasPredictions = typeof raw.predictions === 'string';
  if (hasCheckpoint === hasPredictions) {
    throw usageError(
      'eval',
      '--checkpoint',
      'given, or --predictions, but not both',
      hasCheckpoint ? 'both' : 'neither',
    );
  }
  const scores = hasPredictions
    ? await evalPredictions(raw, ctx)
    : await evalCheckpoint(raw, ctx);
  print(ctx, scores);
}

async function evalPredictions(
  raw: RawOptions,
  ctx: CommandContext,
): Promise<EvalResult> {
  const path = resolve(ctx.io.cwd, raw.predictions as string);
  let splits = parsePredictions(
    await readTextFile('eval', '--predictions', path),
    raw.predictions as string,
  );
  if (typeof raw.truth === 'string') {
    const truthPath = resolve(ctx.io.cwd, raw.truth);
    const truth = parseTruth(
      await readTextFile('eval', '--truth', truthPath),
      truthPath,
    );
    const predicted = concat(splits.map((s) => s.predicted));
    if (truth.length !== predicted.length) {
      throw usageError(
        'eval',
        '--truth',
        `${predicted.length} labels, one per prediction`,
        String(truth.length),
      );
    }
    splits = [{ split: 'all', predicted, truth }];
  }
  const scored = splits.filter(
    (s): s is PredictedSplit & { truth: Int32Array } => s.truth !== null,
  );
  if (scored.length === 0) {
    throw usageError(
      'eval',
      '--truth',
      'given when the predictions CSV has no label column',
      'nothing',
    );
  }
  return result(
    Object.fromEntries(
      scored.map((s) => [s.split, scoreClustering(s.truth, s.predicted)]),
    ),
    raw.predictions as string,
  );
}

function concat(arrays: Int32Array[]): Int32Array {
  const out = new Int32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

async function evalCheckpoint(
  raw: RawOptions,
  ctx: CommandContext,
): Promise<EvalResult> {
  const given = resolve(ctx.io.cwd, raw.checkpoint as string);
  const dir = await findCheckpoint(given);
  if (!dir) {
    throw usageError(
      'eval',
      '--checkpoint',
      'a run folder or a checkpoint folder',
      JSON.stringify(raw.checkpoint),
    );
  }
  const runConfig = await readRunConfig(given, dir);
  const flags = convertFlags(DATA_FIELDS, raw);
  for (const field of DATA_FIELDS) {
    const value = flags[field.key];
    if (value !== undefined && !field.schema.safeParse(value).success) {
      throw usageError(
        'eval',
        field.flag.split(' ')[0]!,
        field.expected,
        JSON.stringify(value),
      );
    }
  }
  const backend = checkChoice('--backend', raw.backend, BACKENDS) ?? 'auto';
  const split = checkChoice('--split', raw.split, SPLITS);
  const batchSize = checkBatchSize(raw.batchSize);

  const request = { ...runConfig, ...flags } as unknown as DataRequest;
  if (request.dataset === undefined) request.dataset = 'mnist' as DatasetName;
  request.seed = (runConfig.seed as number | undefined) ?? 0;
  // Input checks first, so bad input gives one line on stderr.
  const { data, log } = loadDataQuietly(ctx, request);
  const checkpoint = await openCheckpoint('eval', dir);
  const manifest = JSON.parse(checkpoint.text('model.json')) as {
    inputShape: number[];
  };
  if (formatShape(manifest.inputShape) !== formatShape(data.exampleShape)) {
    throw new UsageError(
      `cce eval: ${data.name} examples of shape ${formatShape(data.exampleShape)} do not fit the checkpoint's backbone, which takes ${formatShape(manifest.inputShape)}`,
    );
  }
  log();
  await setupRuntime(ctx, { backend: backend as BackendChoice, seed: 0 });
  const model = modelFromFiles(
    checkpoint.text('model.json'),
    checkpoint.bytes('weights.bin'),
  );
  try {
    const score =
      runConfig.command === 'train' ? scoreClassification : scoreClustering;
    const wanted: SplitName[] =
      split === 'all'
        ? ['train', 'test']
        : [(split as SplitName | undefined) ?? (data.test ? 'test' : 'train')];
    const splits: Record<string, SplitMetrics> = {};
    for (const name of wanted) {
      const part = name === 'test' ? data.test : data.train;
      if (!part) {
        throw usageError(
          'eval',
          '--split',
          "'train' (the data set has no test split)",
          JSON.stringify(name),
        );
      }
      if (!part.labels) {
        throw usageError(
          'eval',
          '--labels',
          `given: the ${name} split has no labels`,
          'nothing',
        );
      }
      const predicted = predict(model, part.x, data.exampleShape, batchSize);
      splits[name] = score(part.labels, predicted.labels);
    }
    return result(splits, dir);
  } finally {
    model.dispose();
  }
}

async function readRunConfig(
  given: string,
  checkpointDir: string,
): Promise<Record<string, unknown>> {
  for (const candidate of [given, dirname(dirname(checkpointDir))]) {
    try {
      const text = await readFile(join(candidate, RUN_FILES.config), 'utf8');
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not a run folder: try the next one
    }
  }
  return {};
}

function checkChoice(
  flag: string,
  value: unknown,
  choices: readonly string[],
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && choices.includes(value)) return value;
  throw usageError(
    'eval',
    flag,
    `one of ${choices.map((c) => `'${c}'`).join(', ')}`,
    JSON.stringify(value),
  );
}

function checkBatchSize(value: unknown): number {
  if (value === undefined) return 500;
  const n = Number(value);
  if (typeof value === 'string' && /^\d+$/.test(value) && n >= 1) return n;
  throw usageError(
    'eval',
    '--batch-size',
    'an integer >= 1',
    JSON.stringify(value),
  );
}

function result(
  splits: Record<string, SplitMetrics>,
  source: string,
): EvalResult {
  const name = 'test' in splits ? 'test' : Object.keys(splits)[0]!;
  const headline = splits[name]!;
  return {
    acc: headline.acc,
    nmi: headline.nmi,
    ari: headline.ari,
    samples: headline.samples,
    split: name,
    splits,
    source,
  };
}

function print(ctx: CommandContext, scores: EvalResult): void {
  if (ctx.json) {
    ctx.io.writeOut(`${JSON.stringify(scores)}\n`);
    return;
  }
  const lines = Object.entries(scores.splits).map(
    ([name, m]) =>
      `${name.padEnd(5)} ACC ${m.acc.toFixed(4)}  NMI ${m.nmi.toFixed(4)}  ARI ${m.ari.toFixed(4)}  (${m.samples} examples)`,
  );
  ctx.io.writeOut(`${lines.join('\n')}\n`);
}
