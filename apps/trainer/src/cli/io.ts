// The program's connection to the outside world: output streams, signals
// and the working directory. The real one wraps `process`; tests pass a
// recording one so every command runs in-process.

/** Where the `cce` command writes and how it learns about Ctrl-C. */
export interface CliIo {
  /** Results: `--json` objects, tables, help text. */
  writeOut(text: string): void;
  /** Progress bars, log lines and the one-line error. */
  writeErr(text: string): void;
  /** True when stderr is a terminal (progress bars redraw in place). */
  readonly errIsTty: boolean;
  /** The stream progress bars draw on (stderr for the real process). */
  readonly progressStream: NodeJS.WritableStream;
  /** Folder relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Registers a Ctrl-C handler; returns a function that removes it. Tests
   * leave it undefined and interrupt through an AbortSignal instead.
   */
  onInterrupt?(handler: () => void): () => void;
}

/** The io of the real process: stdout, stderr and SIGINT/SIGTERM. */
export function processIo(): CliIo {
  return {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
    progressStream: process.stderr,
    cwd: process.cwd(),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}
