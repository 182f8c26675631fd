// Runs the `cce` command line in-process and returns its exit code: parses
// with commander, maps every failure to one line on stderr (exit 2 for bad
// input), and hands valid options to the command implementations.
import { CommanderError } from 'commander';
import { isCceError } from '@cce/errors';
import { runBenchCommand } from '../bench/run-bench-command.js';
import { runClusterCommand } from '../cluster/run-cluster-command.js';
import { runEvalCommand } from '../eval/run-eval-command.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../terminal/logger.js';
import { runTrainCommand } from '../train/run-train-command.js';
import type { CommandContext, RunHooks } from './context.js';
import type { CliIo } from './io.js';
import { createProgram, type RawOptions } from './program.js';
import { EXIT, usageError } from './usage-error.js';

/** Extra inputs of {@link runCli} for tests and embedding programs. */
export interface RunCliOptions {
  /** Aborting it acts like Ctrl-C: checkpoint, then exit code 130. */
  signal?: AbortSignal;
  /** Callbacks inside the training loop (tests). */
  hooks?: RunHooks;
}

/**
 * Runs `cce <argv…>` and resolves to its exit code (0 ok, 1 unexpected
 * failure, 2 bad input, 3 non-finite loss or weight, 130 interrupted).
 * Never throws and never calls `process.exit`.
 *
 * @example
 * ```ts
 * const code = await runCli(['cluster', '--clusters', '1'], io);
 * // code === 2; io.writeErr got one line naming '--clusters'
 * ```
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  options: RunCliOptions = {},
): Promise<number> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const removeInterrupt = io.onInterrupt?.(abort);
  let logLevel: LogLevel = 'info';

  const withContext =
    (
      name: string,
      run: (raw: RawOptions, ctx: CommandContext) => Promise<void>,
    ) =>
    async (raw: RawOptions) => {
      const ctx = makeContext(name, raw, io, controller.signal, options);
      ctx.argv = argv;
      logLevel = ctx.logger.level;
      await run(raw, ctx);
    };

  const program = createProgram({
    cluster: withContext('cluster', runClusterCommand),
    train: withContext('train', runTrainCommand),
    eval: withContext('eval', runEvalCommand),
    bench: withContext('bench', runBenchCommand),
  });
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => io.writeOut(text),
    writeErr: () => {},
    outputError: () => {},
  });
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => io.writeOut(text),
      writeErr: () => {},
      outputError: () => {},
    });
  }

  try {
    if (argv.length === 0) {
      throw usageError(
        '',
        'command',
        'one of cluster, train, eval, bench (see cce --help)',
        'nothing',
      );
    }
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, logLevel);
  } finally {
    removeInterrupt?.();
    options.signal?.removeEventListener('abort', abort);
  }
}

function makeContext(
  command: string,
  raw: RawOptions,
  io: CliIo,
  signal: AbortSignal,
  options: RunCliOptions,
): CommandContext {
  const quiet = raw.quiet === true;
  const requested = raw.logLevel;
  if (requested !== undefined && !LOG_LEVELS.includes(requested as LogLevel)) {
    throw usageError(
      command,
      '--log-level',
      `one of ${LOG_LEVELS.map((l) => `'${l}'`).join(', ')}`,
      JSON.stringify(requested),
    );
  }
  const level: LogLevel = quiet
    ? 'error'
    : ((requested as LogLevel | undefined) ?? 'info');
  const logger = createLogger((t) => io.writeErr(t), level, io.errIsTty);
  return {
    command,
    argv: [],
    io,
    logger,
    json: raw.json === true,
    progress: !quiet && raw.progress !== false && level !== 'error',
    signal,
    hooks: options.hooks ?? {},
  };
}

function reportError(error: unknown, io: CliIo, level: LogLevel): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return error.code === 'commander.help' ? EXIT.usage : EXIT.ok;
    }
    io.writeErr(`cce: ${oneLine(error.message.replace(/^error: /, ''))}\n`);
    return EXIT.usage;
  }
  const exitCode = (error as { exitCode?: number } | undefined)?.exitCode;
  if (typeof exitCode === 'number' && error instanceof Error) {
    io.writeErr(`${oneLine(error.message)}\n`);
    return exitCode;
  }
  if (isCceError(error)) {
    io.writeErr(`cce: ${oneLine(error.message)}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.writeErr(`cce: unexpected failure: ${oneLine(message)}\n`);
  if (level === 'debug' && error instanceof Error && error.stack) {
    io.writeErr(`${error.stack}\n`);
  }
  return EXIT.failure;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
