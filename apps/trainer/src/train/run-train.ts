// `cce train` once its settings are resolved: data, targets, backbone, the
// supervised loop, then the run's outputs (headline: test accuracy).
import type { CommandContext } from '../cli/context.js';
import type { TrainConfig } from '../config/cluster-config.js';
import { loadDataQuietly } from '../data/load-data-logged.js';
import { checkModelFit, createModel } from '../model/create-model.js';
import { modelFromFiles } from '../model/state-files.js';
import { finishRun } from '../run/finish-run.js';
import { openCheckpoint } from '../run/open-checkpoint.js';
import type { RunFolder } from '../run/run-folder.js';
import { runNetworkTask } from '../run/run-network-task.js';
import type { RunResult } from '../run/run-result.js';
import { setupRuntime } from '../run/setup-runtime.js';
import { SupervisedTask } from './supervised-task.js';
import { trainingTargets } from './training-targets.js';

/** Where the run goes and where it may resume from. */
export interface TrainRunOptions {
  /** Opens (or creates) the run folder once the input is known good. */
  folder: () => Promise<RunFolder>;
  commandLine: string;
  resumeFrom?: string;
  startedAt?: number;
}

/** Runs `cce train` with resolved settings; returns the final result. */
export async function runTrain(
  config: TrainConfig,
  ctx: CommandContext,
  options: TrainRunOptions,
): Promise<RunResult> {
  const startedAt = options.startedAt ?? performance.now();
  // Every input check runs before the first log line (one line on error).
  const { data, log: logData } = loadDataQuietly(ctx, { ...config });
  const { targets, numClasses, description } = trainingTargets(
    config,
    data,
    ctx.io.cwd,
  );
  checkModelFit(ctx.command, config.backbone, data.exampleShape, data.name);
  const saved = options.resumeFrom
    ? await openCheckpoint(ctx.command, options.resumeFrom)
    : undefined;
  const folder = await options.folder();
  logData();
  const backend = await setupRuntime(ctx, config);
  if (!options.resumeFrom) {
    await folder.writeConfig(config, { commandLine: options.commandLine });
  }
  ctx.logger.info(
    'run',
    `writing to ${folder.display()}; targets: ${description}`,
  );

  const model = saved
    ? modelFromFiles(saved.text('model.json'), saved.bytes('weights.bin'))
    : createModel(
        ctx.command,
        config,
        data.exampleShape,
        numClasses,
        data.name,
      );
  ctx.logger.info(
    'model',
    `${config.backbone}: ${model.numParams} parameters, loss ${config.loss}`,
  );
  const task = new SupervisedTask(config, data, model, numClasses, targets);
  try {
    const { history, splits } = await runNetworkTask(
      task,
      data,
      ctx,
      folder,
      saved,
    );
    return await finishRun({
      ctx,
      folder,
      config,
      commandLine: options.commandLine,
      headline: 'test',
      startedAt,
      base: {
        command: 'train',
        method: config.loss,
        backbone: config.backbone,
        clusters: numClasses,
        epochs: config.epochs,
        backend,
      },
      splits,
      history,
      scoring: 'classification',
    });
  } finally {
    task.dispose();
    model.dispose();
  }
}
