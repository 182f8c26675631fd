// `cce cluster` once its settings are resolved: data, backbone, the
// self-labeling (or IMSAT) loop or the k-means baseline, then the run's
// outputs. Also continues a run from its checkpoint (`--resume`).
import type { CommandContext } from '../cli/context.js';
import { usageError } from '../cli/usage-error.js';
import type { ClusterConfig } from '../config/cluster-config.js';
import { loadDataQuietly } from '../data/load-data-logged.js';
import type { TrainingData } from '../data/load-data.js';
import { checkModelFit, createModel } from '../model/create-model.js';
import { modelFromFiles } from '../model/state-files.js';
import { openCheckpoint } from '../run/open-checkpoint.js';
import { finishRun } from '../run/finish-run.js';
import type { RunFolder } from '../run/run-folder.js';
import type { RunResult } from '../run/run-result.js';
import { setupRuntime } from '../run/setup-runtime.js';
import { runNetworkTask } from '../run/run-network-task.js';
import { kmeansBaseline } from './kmeans-baseline.js';
import { SelfLabelingTask } from './self-labeling-task.js';

/** Where the run goes and where it may resume from. */
export interface ClusterRunOptions {
  /** Opens (or creates) the run folder once the input is known good. */
  folder: () => Promise<RunFolder>;
  commandLine: string;
  /** Checkpoint folder to continue from (`--resume`). */
  resumeFrom?: string;
  startedAt?: number;
}

/** Runs `cce cluster` with resolved settings; returns the final result. */
export async function runCluster(
  config: ClusterConfig,
  ctx: CommandContext,
  options: ClusterRunOptions,
): Promise<RunResult> {
  const startedAt = options.startedAt ?? performance.now();
  // Everything that can reject the input runs before the first log line,
  // so bad input gives exactly one line on stderr.
  const { data, log: logData } = loadDataQuietly(ctx, { ...config });
  const clusters = resolveClusters(ctx.command, config, data);
  if (config.objective !== 'kmeans') {
    checkModelFit(ctx.command, config.backbone, data.exampleShape, data.name);
  }
  const saved = options.resumeFrom
    ? await openCheckpoint(ctx.command, options.resumeFrom)
    : undefined;
  const folder = await options.folder();
  logData();
  const backend = await setupRuntime(ctx, config);
  const resolved = { ...config, clusters };
  if (!options.resumeFrom) {
    await folder.writeConfig(resolved, { commandLine: options.commandLine });
  }
  ctx.logger.info('run', `writing to ${folder.display()}`);

  const base = {
    command: 'cluster' as const,
    method: config.objective,
    clusters,
    epochs: config.objective === 'kmeans' ? 0 : config.epochs,
    backend,
  };
  const finish = {
    ctx,
    folder,
    config: resolved,
    commandLine: options.commandLine,
    headline: 'train' as const,
    startedAt,
  };

  if (config.objective === 'kmeans') {
    ctx.logger.info('kmeans', `k-means++ with K=${clusters} on raw inputs`);
    const outcome = kmeansBaseline(data, clusters, config.seed);
    ctx.logger.info('kmeans', `${outcome.iterations} iterations`);
    return finishRun({
      ...finish,
      base: { ...base, backbone: null },
      splits: splitsOf(data, outcome.train, outcome.test),
      history: [],
    });
  }

  const model = saved
    ? modelFromFiles(saved.text('model.json'), saved.bytes('weights.bin'))
    : createModel(
        ctx.command,
        resolved,
        data.exampleShape,
        clusters,
        data.name,
      );
  ctx.logger.info(
    'model',
    `${config.backbone}: ${model.numParams} parameters, ${config.objective} objective, λ=${config.lambda}`,
  );
  const task = new SelfLabelingTask(resolved, data, model);
  try {
    const { history, splits } = await runNetworkTask(
      task,
      data,
      ctx,
      folder,
      saved,
    );
    return await finishRun({
      ...finish,
      base: { ...base, backbone: config.backbone },
      splits,
      history,
    });
  } finally {
    task.dispose();
    model.dispose();
  }
}

function resolveClusters(
  command: string,
  config: ClusterConfig,
  data: TrainingData,
): number {
  const k = config.clusters ?? data.numClasses;
  if (k === null || k === undefined) {
    throw usageError(
      command,
      '--clusters',
      'given when the data set has no labels',
      'nothing',
    );
  }
  if (k < 2) {
    throw usageError(command, '--clusters', 'an integer >= 2', String(k));
  }
  if (k > data.train.n) {
    throw usageError(
      command,
      '--clusters',
      `at most the number of training examples (${data.train.n})`,
      String(k),
    );
  }
  return k;
}

function splitsOf(
  data: TrainingData,
  train: Int32Array,
  test: Int32Array | null,
) {
  return [
    {
      split: 'train',
      predictions: { labels: train },
      labels: data.train.labels,
    },
    ...(test && data.test
      ? [
          {
            split: 'test',
            predictions: { labels: test },
            labels: data.test.labels,
          },
        ]
      : []),
  ];
}
