// Shared pieces of the training commands' glue: the `--resume` rules, the
// command line recorded in config.json, and the --config path.
import { resolve } from 'node:path';
import type { Field } from '../config/fields.js';
import type { RawOptions } from './program.js';
import { usageError } from './usage-error.js';

/**
 * With `--resume`, no setting may be given: the run keeps the settings in
 * its config.json so it reaches the same result.
 *
 * @throws UsageError naming the first setting flag given with --resume.
 */
export function assertNoSettingsWithResume(
  command: string,
  fields: readonly Field[],
  raw: RawOptions,
): void {
  const given = [
    ...fields
      .filter((f) => raw[f.key] !== undefined)
      .map((f) => f.flag.split(' ')[0]!),
    ...(raw.config !== undefined ? ['--config'] : []),
    ...(raw.out !== undefined ? ['--out'] : []),
  ];
  if (given.length > 0) {
    throw usageError(
      command,
      '--resume',
      'used without settings (the run keeps those in its config.json)',
      `also ${given.join(', ')}`,
    );
  }
}

/** Absolute path of --config, if given. */
export function configPath(raw: RawOptions, cwd: string): string | undefined {
  return typeof raw.config === 'string' ? resolve(cwd, raw.config) : undefined;
}

/** The command line as typed, for config.json and the report. */
export function commandLine(argv: readonly string[]): string {
  const quoted = argv.map((a) =>
    /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`,
  );
  return ['cce', ...quoted].join(' ');
}
