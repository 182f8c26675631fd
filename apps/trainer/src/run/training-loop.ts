// The epoch/batch loop shared by `cce cluster` and `cce train`: seeded
// shuffling per epoch, progress bar, per-epoch evaluation and JSONL line,
// atomic checkpoints, Ctrl-C (checkpoint, exit 130), and a stop on the
// first non-finite loss or weight (exit 3, last good checkpoint kept).
import type { Backbone } from '@cce/backbones';
import type { CommandContext } from '../cli/context.js';
import { DivergedError, InterruptedError } from '../cli/usage-error.js';
import { permutation, streamRng } from '../internal/streams.js';
import { createProgressBar } from '../terminal/progress.js';
import type { CheckpointFiles } from './checkpoint-store.js';
import type { EpochRecord, SplitMetrics } from './epoch-record.js';

/** Statistics of one optimiser step. */
export interface StepStats {
  /** Value of each loss term on the batch, e.g. `{ collision: 0.41 }`. */
  terms: Record<string, number>;
  /** Solver iterations for the batch's pseudo-labels. */
  emIterations?: number;
  /** Mean entropy (nats) of the batch's new pseudo-labels. */
  pseudoLabelEntropy?: number;
}

/** What the per-epoch evaluation reports. */
export interface EvalStats {
  train: SplitMetrics | null;
  test: SplitMetrics | null;
  clusterSizes: number[];
}

/** Position of a step. */
export interface StepPosition {
  epoch: number;
  batch: number;
  /** Steps taken before this one. */
  step: number;
}

/** The model-specific half of a training run. */
export interface LoopTask {
  /** The network being trained. */
  readonly model: Backbone;
  /** Training examples. */
  readonly n: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
  /** Evaluate after every `evalEvery`-th epoch and after the last. */
  readonly evalEvery: number;
  /** Learning rate of step `step` (0-based) out of `totalSteps`. */
  lrAt(step: number, totalSteps: number): number;
  /** One optimiser step on training rows `indices`. */
  step(indices: Int32Array, position: StepPosition, lr: number): StepStats;
  /** Scores after epoch `epoch`. */
  evaluate(epoch: number): EvalStats;
  /** Name of the first variable with a NaN or infinite value, if any. */
  findNonFiniteWeight(): string | undefined;
  /** Model, optimiser and task state as checkpoint files. */
  saveState(): CheckpointFiles;
}

/** Loop position and history: `loop.json` in every checkpoint. */
export interface LoopState {
  /** Epoch in progress (1-based); `epochs + 1` when done. */
  epoch: number;
  /** Next batch of that epoch. */
  batch: number;
  step: number;
  history: EpochRecord[];
  /** Sums over the batches of the epoch in progress. */
  partial: PartialEpoch;
}

interface PartialEpoch {
  termSums: Record<string, number>;
  batches: number;
  emIterationSum: number;
  emIterationMax: number;
  emBatches: number;
  entropySum: number;
  entropyBatches: number;
  trainSeconds: number;
  examples: number;
  /** Wall seconds of the epoch so far (steps and overhead). */
  seconds: number;
}

/** Fresh loop state for a new run. */
export function initialLoopState(): LoopState {
  return { epoch: 1, batch: 0, step: 0, history: [], partial: emptyPartial() };
}

function emptyPartial(): PartialEpoch {
  return {
    termSums: {},
    batches: 0,
    emIterationSum: 0,
    emIterationMax: 0,
    emBatches: 0,
    entropySum: 0,
    entropyBatches: 0,
    trainSeconds: 0,
    examples: 0,
    seconds: 0,
  };
}

/** Where the loop writes: callbacks into the run folder. */
export interface LoopSink {
  /** Appends one epoch record (epochs.jsonl). */
  appendEpoch(record: EpochRecord): Promise<void>;
  /** Writes a checkpoint atomically; returns its folder. */
  checkpoint(tag: string, files: CheckpointFiles): Promise<string>;
  /** Folder of the newest checkpoint, for messages. */
  lastCheckpoint(): string | undefined;
}

/** Batches per epoch: full batches only (the remainder is dropped). */
export function batchesPerEpoch(n: number, batchSize: number): number {
  return Math.max(1, Math.floor(n / batchSize));
}

/**
 * Runs (or continues) the loop until all epochs are done; returns the
 * final state.
 *
 * @throws InterruptedError after writing a checkpoint when `ctx.signal`
 *   aborts; DivergedError on a non-finite loss term or weight.
 */
export async function runTrainingLoop(
  task: LoopTask,
  state: LoopState,
  ctx: CommandContext,
  sink: LoopSink,
): Promise<LoopState> {
  const batches = batchesPerEpoch(task.n, task.batchSize);
  const totalSteps = batches * task.epochs;
  const size = Math.min(task.batchSize, task.n);

  while (state.epoch <= task.epochs) {
    const { epoch } = state;
    const order = permutation(task.n, streamRng(task.seed, 'shuffle', epoch));
    const bar = createProgressBar(
      ctx,
      `epoch ${epoch}/${task.epochs}`,
      batches,
    );
    bar.update(state.batch);
    const epochStart = performance.now() - state.partial.seconds * 1000;

    while (state.batch < batches) {
      const { batch } = state;
      const indices = order.subarray(batch * size, (batch + 1) * size);
      const lr = task.lrAt(state.step, totalSteps);
      const started = performance.now();
      const stats = task.step(indices, { epoch, batch, step: state.step }, lr);
      const seconds = (performance.now() - started) / 1000;
      checkTerms(ctx.command, stats, epoch, batch, sink);

      accumulate(state.partial, stats, seconds, indices.length);
      state.step += 1;
      state.batch += 1;
      state.partial.seconds = (performance.now() - epochStart) / 1000;
      bar.update(state.batch, liveMetrics(stats, lr, state.partial));
      ctx.hooks.afterBatch?.({ epoch, batch, batches }, task.model);

      if (ctx.signal.aborted && state.batch < batches) {
        bar.stop();
        await interrupt(task, state, ctx, sink);
      }
      // Let Ctrl-C and timers run between steps.
      await new Promise<void>((r) => setImmediate(r));
    }

    const evaluation = evaluatesAfter(epoch, task)
      ? task.evaluate(epoch)
      : null;
    const record = epochRecord(state, evaluation, task, totalSteps, epochStart);
    bar.stop();
    state.history.push(record);
    state.epoch += 1;
    state.batch = 0;
    state.partial = emptyPartial();
    await saveCheckpoint(task, state, ctx, sink, epoch, 0);
    await sink.appendEpoch(record);
    ctx.logger.info('epoch', summaryLine(record, task.epochs, batches));
    if (ctx.signal.aborted && state.epoch <= task.epochs) {
      throw interruptedError(ctx.command, state, sink);
    }
  }
  return state;
}

/** Whether the loop evaluates after `epoch` (1-based). */
export function evaluatesAfter(
  epoch: number,
  task: Pick<LoopTask, 'epochs' | 'evalEvery'>,
): boolean {
  return epoch % task.evalEvery === 0 || epoch >= task.epochs;
}

function accumulate(
  partial: PartialEpoch,
  stats: StepStats,
  seconds: number,
  examples: number,
): void {
  for (const [term, value] of Object.entries(stats.terms)) {
    partial.termSums[term] = (partial.termSums[term] ?? 0) + value;
  }
  partial.batches += 1;
  partial.trainSeconds += seconds;
  partial.examples += examples;
  if (stats.emIterations !== undefined) {
    partial.emIterationSum += stats.emIterations;
    partial.emIterationMax = Math.max(
      partial.emIterationMax,
      stats.emIterations,
    );
    partial.emBatches += 1;
  }
  if (stats.pseudoLabelEntropy !== undefined) {
    partial.entropySum += stats.pseudoLabelEntropy;
    partial.entropyBatches += 1;
  }
}

function checkTerms(
  command: string,
  stats: StepStats,
  epoch: number,
  batch: number,
  sink: LoopSink,
): void {
  for (const [term, value] of Object.entries(stats.terms)) {
    if (Number.isFinite(value)) continue;
    throw new DivergedError(
      `cce ${command}: loss term '${term}' is ${value} at epoch ${epoch}, batch ${batch}; stopped. ${keptMessage(sink)}`,
    );
  }
}

function keptMessage(sink: LoopSink): string {
  const last = sink.lastCheckpoint();
  return last
    ? `The last good checkpoint is ${last}; try a smaller --lr`
    : 'No checkpoint was written yet; try a smaller --lr';
}

async function saveCheckpoint(
  task: LoopTask,
  state: LoopState,
  ctx: CommandContext,
  sink: LoopSink,
  epoch: number,
  batch: number,
): Promise<void> {
  const bad = task.findNonFiniteWeight();
  if (bad !== undefined) {
    throw new DivergedError(
      `cce ${ctx.command}: weight '${bad}' is not finite after epoch ${epoch}, batch ${batch}; stopped without saving it. ${keptMessage(sink)}`,
    );
  }
  // Named by the next step: epoch-0003-batch-000000 = before epoch 3.
  const tag = `epoch-${String(state.epoch).padStart(4, '0')}-batch-${String(state.batch).padStart(6, '0')}`;
  const files = task.saveState();
  files['loop.json'] = `${JSON.stringify(state)}\n`;
  const dir = await sink.checkpoint(tag, files);
  ctx.logger.debug('checkpoint', `wrote ${dir}`);
}

async function interrupt(
  task: LoopTask,
  state: LoopState,
  ctx: CommandContext,
  sink: LoopSink,
): Promise<never> {
  await saveCheckpoint(task, state, ctx, sink, state.epoch, state.batch);
  throw interruptedError(ctx.command, state, sink);
}

function interruptedError(
  command: string,
  state: LoopState,
  sink: LoopSink,
): InterruptedError {
  const runDir = sink.lastCheckpoint()?.replace(/[/\\]checkpoints[/\\].*$/, '');
  return new InterruptedError(
    `cce ${command}: interrupted at epoch ${state.epoch}, batch ${state.batch}; checkpoint written. Continue with: cce ${command} --resume ${runDir}`,
  );
}

function epochRecord(
  state: LoopState,
  evaluation: EvalStats | null,
  task: LoopTask,
  totalSteps: number,
  epochStart: number,
): EpochRecord {
  const p = state.partial;
  const loss: Record<string, number> = {};
  for (const [term, sum] of Object.entries(p.termSums)) {
    loss[term] = sum / Math.max(1, p.batches);
  }
  return {
    epoch: state.epoch,
    step: state.step,
    loss,
    lr: task.lrAt(Math.max(0, state.step - 1), totalSteps),
    train: evaluation?.train ?? null,
    test: evaluation?.test ?? null,
    pseudoLabelEntropy:
      p.entropyBatches > 0 ? p.entropySum / p.entropyBatches : null,
    emIterations:
      p.emBatches > 0
        ? { mean: p.emIterationSum / p.emBatches, max: p.emIterationMax }
        : null,
    clusterSizes: evaluation?.clusterSizes ?? null,
    imagesPerSecond: p.trainSeconds > 0 ? p.examples / p.trainSeconds : 0,
    seconds: (performance.now() - epochStart) / 1000,
  };
}

const sig = (x: number, digits = 4) =>
  Number.isInteger(x) ? String(x) : Number(x.toPrecision(digits)).toString();

function liveMetrics(
  stats: StepStats,
  lr: number,
  partial: PartialEpoch,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const term of Object.keys(stats.terms).sort()) {
    out[term] = sig((partial.termSums[term] ?? 0) / partial.batches, 3);
  }
  out.lr = lr.toExponential(1);
  if (partial.trainSeconds > 0) {
    out['img/s'] = String(Math.round(partial.examples / partial.trainSeconds));
  }
  return out;
}

/**
 * One line per epoch: elapsed time, ms per step, then sorted key=value
 * pairs with 4 significant digits.
 */
export function summaryLine(
  record: EpochRecord,
  epochs: number,
  batches: number,
): string {
  const pairs: Record<string, number> = {};
  for (const [term, value] of Object.entries(record.loss)) {
    pairs[`loss.${term}`] = value;
  }
  for (const split of ['train', 'test'] as const) {
    const m = record[split];
    if (!m) continue;
    pairs[`acc.${split}`] = m.acc;
    pairs[`nmi.${split}`] = m.nmi;
    pairs[`ari.${split}`] = m.ari;
  }
  if (record.pseudoLabelEntropy !== null) {
    pairs['pseudo.entropy'] = record.pseudoLabelEntropy;
  }
  if (record.emIterations) pairs['em.iterations'] = record.emIterations.mean;
  pairs['img/s'] = Math.round(record.imagesPerSecond);
  pairs.lr = record.lr;
  const text = Object.keys(pairs)
    .sort()
    .map((k) => `${k}=${sig(pairs[k]!)}`)
    .join(' ');
  const msPerStep = (record.seconds * 1000) / batches;
  return `epoch ${record.epoch}/${epochs} ${record.seconds.toFixed(1)}s ${msPerStep.toFixed(0)}ms/step ${text}`;
}
