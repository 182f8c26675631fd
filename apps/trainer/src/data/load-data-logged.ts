// loadData with a `[data]` log line saying what was loaded and how fast.
import type { CommandContext } from '../cli/context.js';
import { formatShape } from '@cce/errors';
import { type DataRequest, loadData, type TrainingData } from './load-data.js';

/** Loads the data set and logs its size. */
export function loadDataLogged(
  ctx: CommandContext,
  request: DataRequest,
): TrainingData {
  const { data, log } = loadDataQuietly(ctx, request);
  log();
  return data;
}

/**
 * Loads the data set; `log()` prints the line about it later (after the
 * other input checks, so bad input stays a single line on stderr).
 */
export function loadDataQuietly(
  ctx: CommandContext,
  request: DataRequest,
): { data: TrainingData; log: () => void } {
  const started = performance.now();
  const data = loadData(ctx.command, request, ctx.io.cwd);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const test = data.test ? `, ${data.test.n} test` : '';
  const classes =
    data.numClasses === null ? 'no labels' : `${data.numClasses} classes`;
  const log = () =>
    ctx.logger.info(
      'data',
      `${data.name}: ${data.train.n} train${test}, examples ${formatShape(data.exampleShape)}, ${classes} (${seconds} s)`,
    );
  return { data, log };
}
