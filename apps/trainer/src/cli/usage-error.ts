// Errors the `cce` command maps to exit codes: bad input (2), a diverged
// run (3) and an interrupted run (130). Their message is the one line the
// user sees on stderr.
import { CceError } from '@cce/errors';

/** Exit codes of the `cce` command. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  diverged: 3,
  interrupted: 130,
} as const;

/**
 * Bad input: an unknown command, flag or value, a missing or unreadable
 * file, a dataset that does not fit the backbone. Exit code 2.
 */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A {@link UsageError} in the `fn: 'argument' must be …, got …` form. */
export function usageError(
  command: string,
  argument: string,
  expected: string,
  received: string,
  hint?: string,
): UsageError {
  const text = new CceError({
    fn: command ? `cce ${command}` : 'cce',
    argument,
    expected,
    received,
    hint,
  }).message;
  return new UsageError(text);
}

/** A loss or weight became NaN or infinite. Exit code 3. */
export class DivergedError extends Error {
  readonly exitCode = EXIT.diverged;

  constructor(message: string) {
    super(message);
    this.name = 'DivergedError';
  }
}

/** The run was stopped by Ctrl-C after writing a checkpoint. Exit 130. */
export class InterruptedError extends Error {
  readonly exitCode = EXIT.interrupted;

  constructor(message: string) {
    super(message);
    this.name = 'InterruptedError';
  }
}
