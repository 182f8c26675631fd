// Leveled, component-prefixed log lines on stderr ("[data] …", "[em] …"),
// with warnings printed once per cause. Results never go through here:
// they go to stdout.
import pc from 'picocolors';

/** Log levels, from quietest to noisiest. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The trainer's logger: `info('data', 'loaded …')` → `[data] loaded …`. */
export interface Logger {
  readonly level: LogLevel;
  error(component: string, message: string): void;
  warn(component: string, message: string): void;
  /** Prints a warning only the first time `cause` is seen. */
  warnOnce(cause: string, component: string, message: string): void;
  info(component: string, message: string): void;
  debug(component: string, message: string): void;
  /** True when messages of `level` are printed. */
  enabled(level: LogLevel): boolean;
}

/**
 * Creates a logger writing whole lines through `write` (stderr in the
 * CLI). Colors only when `color` is true (a terminal).
 */
export function createLogger(
  write: (text: string) => void,
  level: LogLevel,
  color = false,
): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const seen = new Set<string>();
  const paint = (fn: (s: string) => string, s: string) => (color ? fn(s) : s);
  const emit = (at: LogLevel, component: string, message: string) => {
    if (LOG_LEVELS.indexOf(at) > rank) return;
    const tag = paint(pc.dim, `[${component}]`);
    const prefix =
      at === 'error'
        ? `${paint(pc.red, 'error')} `
        : at === 'warn'
          ? `${paint(pc.yellow, 'warning')} `
          : '';
    write(`${tag} ${prefix}${message}\n`);
  };
  return {
    level,
    error: (c, m) => emit('error', c, m),
    warn: (c, m) => emit('warn', c, m),
    warnOnce(cause, c, m) {
      if (seen.has(cause)) return;
      seen.add(cause);
      emit('warn', c, m);
    },
    info: (c, m) => emit('info', c, m),
    debug: (c, m) => emit('debug', c, m),
    enabled: (at) => LOG_LEVELS.indexOf(at) <= rank,
  };
}
