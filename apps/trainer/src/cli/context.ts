// What every command implementation receives: io, logger, output mode, the
// interruption signal and test hooks.
import type { Backbone } from '@cce/backbones';
import type { Logger } from '../terminal/logger.js';
import type { CliIo } from './io.js';

/** Position in a training run, given to {@link RunHooks}. */
export interface BatchPosition {
  /** 1-based epoch. */
  epoch: number;
  /** 0-based batch within the epoch. */
  batch: number;
  /** Batches per epoch. */
  batches: number;
}

/** Callbacks into the training loop (used by tests). */
export interface RunHooks {
  /** After each optimiser step, with the model being trained. */
  afterBatch?(position: BatchPosition, model: Backbone): void;
}

/** Shared state of one `cce` invocation. */
export interface CommandContext {
  command: string;
  /** Arguments after `cce`, as given (recorded in config.json). */
  argv: readonly string[];
  io: CliIo;
  logger: Logger;
  /** `--json`: print the final result as one JSON object on stdout. */
  json: boolean;
  /** Draw progress bars on stderr. */
  progress: boolean;
  /** Aborted by Ctrl-C (or by a test). */
  signal: AbortSignal;
  hooks: RunHooks;
}
