// The one error class of the cce packages. Every validation failure names
// the function, the argument, what was expected and what arrived, so a user
// (or the CLI, which prints `message` as one line) can fix the call.

/** Fields of a {@link CceError}. */
export interface CceErrorInit {
  /** The public function (or CLI command) that rejected its input. */
  fn: string;
  /** The argument or option at fault, e.g. `'targets'` or `'options.lambda'`. */
  argument: string;
  /** What was expected, as a phrase: `'a number >= 0'`, `'[N, K] like logits [32, 10]'`. */
  expected: string;
  /** What was received, already formatted: `'-1'`, `'[32, 9]'`. */
  received: string;
  /** Optional extra sentence: a hint, or where in a file the problem is. */
  hint?: string;
}

/**
 * A validation error: `fn: 'argument' must be expected, got received`.
 *
 * @example
 * ```ts
 * throw new CceError({
 *   fn: 'solvePseudoLabels',
 *   argument: 'lambda',
 *   expected: 'a finite number >= 0',
 *   received: '-1',
 * });
 * // message: "solvePseudoLabels: 'lambda' must be a finite number >= 0, got -1"
 * ```
 */
export class CceError extends Error {
  readonly fn: string;
  readonly argument: string;
  readonly expected: string;
  readonly received: string;

  constructor(init: CceErrorInit) {
    const base = `${init.fn}: '${init.argument}' must be ${init.expected}, got ${init.received}`;
    super(init.hint ? `${base}. ${init.hint}` : base);
    this.name = 'CceError';
    this.fn = init.fn;
    this.argument = init.argument;
    this.expected = init.expected;
    this.received = init.received;
  }
}

/** True for a {@link CceError}, also across duplicated copies of this package. */
export function isCceError(value: unknown): value is CceError {
  return (
    value instanceof CceError ||
    (value instanceof Error &&
      value.name === 'CceError' &&
      typeof (value as Partial<CceError>).argument === 'string')
  );
}
