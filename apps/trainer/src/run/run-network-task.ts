// Runs a network task to the end (fresh or resumed from a checkpoint) and
// predicts both splits with the final model: the part `cce cluster` and
// `cce train` share.
import type { CommandContext } from '../cli/context.js';
import type { TrainingData } from '../data/load-data.js';
import { predict } from '../model/predict.js';
import type { EpochRecord } from './epoch-record.js';
import type { NetworkTask } from './network-task.js';
import type { OpenCheckpoint } from './open-checkpoint.js';
import type { RunFolder } from './run-folder.js';
import {
  initialLoopState,
  type LoopState,
  runTrainingLoop,
} from './training-loop.js';
import type { SplitPredictions } from './write-predictions.js';

/** Batch size of the final inference passes. */
const PREDICT_BATCH = 1000;

/** Trains `task` (continuing `saved` if given); returns history and splits. */
export async function runNetworkTask(
  task: NetworkTask,
  data: TrainingData,
  ctx: CommandContext,
  folder: RunFolder,
  saved?: OpenCheckpoint,
): Promise<{ history: EpochRecord[]; splits: SplitPredictions[] }> {
  let state: LoopState = initialLoopState();
  if (saved) {
    task.restoreState(saved.bytes);
    state = JSON.parse(saved.text('loop.json')) as LoopState;
    await folder.rewriteEpochs(state.history);
    ctx.logger.info(
      'run',
      `resuming at epoch ${state.epoch}, batch ${state.batch} from ${folder.display(saved.dir)}`,
    );
  }
  state = await runTrainingLoop(task, state, ctx, folder);

  const { model } = task;
  const shape = data.exampleShape;
  const splits: SplitPredictions[] = [
    {
      split: 'train',
      predictions: predict(model, data.train.x, shape, PREDICT_BATCH),
      labels: data.train.labels,
    },
  ];
  if (data.test) {
    splits.push({
      split: 'test',
      predictions: predict(model, data.test.x, shape, PREDICT_BATCH),
      labels: data.test.labels,
    });
  }
  return { history: state.history, splits };
}
