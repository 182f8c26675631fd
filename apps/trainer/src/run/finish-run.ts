// The end of every training command: scores on the full splits, then
// predictions.csv, result.json and report.md in the run folder, and the
// result on stdout (a summary, or one JSON object with --json).
import type { CommandContext } from '../cli/context.js';
import { scoreClassification } from '../eval/score-classification.js';
import { clusterSizes, scoreClustering } from '../eval/score-clustering.js';
import { writeReport } from '../report/write-report.js';
import type { EpochRecord, SplitMetrics } from './epoch-record.js';
import { RUN_FILES, type RunFolder } from './run-folder.js';
import type { RunResult } from './run-result.js';
import { predictionsCsv, type SplitPredictions } from './write-predictions.js';

/** Inputs of {@link finishRun}. */
export interface FinishInput {
  ctx: CommandContext;
  folder: RunFolder;
  config: object & { seed: number; dataset: string };
  commandLine: string;
  base: Pick<
    RunResult,
    'command' | 'method' | 'backbone' | 'clusters' | 'epochs' | 'backend'
  >;
  /** Predictions of the train split and, if any, the test split. */
  splits: SplitPredictions[];
  history: readonly EpochRecord[];
  /** Which split gives the headline acc/nmi/ari. */
  headline: 'train' | 'test';
  startedAt: number;
  /** ACC by Hungarian matching (clustering, default) or plainly. */
  scoring?: 'clustering' | 'classification';
}

/** Writes the run's outputs, prints the result and returns it. */
export async function finishRun(input: FinishInput): Promise<RunResult> {
  const { ctx, folder, splits } = input;
  const score =
    input.scoring === 'classification' ? scoreClassification : scoreClustering;
  const scores: Record<string, SplitMetrics | null> = {};
  for (const s of splits) {
    scores[s.split] = s.labels ? score(s.labels, s.predictions.labels) : null;
  }
  const train = scores.train ?? null;
  const test = scores.test ?? null;
  const headline =
    input.headline === 'test' && test ? test : (train ?? test ?? null);
  const trainSplit = splits.find((s) => s.split === 'train');

  const result: RunResult = {
    ...input.base,
    dataset: input.config.dataset,
    acc: headline?.acc ?? null,
    nmi: headline?.nmi ?? null,
    ari: headline?.ari ?? null,
    train,
    test,
    clusterSizes: trainSplit
      ? clusterSizes(trainSplit.predictions.labels, input.base.clusters)
      : [],
    seed: input.config.seed,
    seconds: (performance.now() - input.startedAt) / 1000,
    trainingSeconds: input.history.reduce((sum, e) => sum + e.seconds, 0),
    runDir: folder.display(),
  };

  await folder.write(RUN_FILES.predictions, predictionsCsv(splits));
  await folder.write(RUN_FILES.result, `${JSON.stringify(result, null, 2)}\n`);
  await writeReport({
    runDir: folder.dir,
    commandLine: input.commandLine,
    config: input.config,
    result,
    history: input.history,
  });
  printResult(ctx, result);
  return result;
}

const f4 = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : x.toFixed(4);

function printResult(ctx: CommandContext, result: RunResult): void {
  if (ctx.json) {
    ctx.io.writeOut(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const split of ['train', 'test'] as const) {
    const m = result[split];
    if (!m) continue;
    lines.push(
      `${split.padEnd(5)} ACC ${f4(m.acc)}  NMI ${f4(m.nmi)}  ARI ${f4(m.ari)}  (${m.samples} examples)`,
    );
  }
  if (lines.length === 0)
    lines.push('no ground-truth labels: ACC/NMI/ARI not computed');
  lines.push(
    `${result.command} ${result.dataset} ${result.method}, K=${result.clusters}, ${result.seconds.toFixed(1)} s; run folder ${result.runDir}`,
  );
  ctx.io.writeOut(`${lines.join('\n')}\n`);
}
