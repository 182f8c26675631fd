// Small markdown builders shared by the experiment reports.

/** A pipe table; cells are written as given. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** Quotes an argument for a POSIX shell when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** `cce <args…>` as a user would type it. */
export function cceCommand(args: readonly string[]): string {
  return ['cce', ...args].map(shellQuote).join(' ');
}

/** Seconds as `12.3 s`, `4.5 min` or `1.2 h`. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(2)} h`;
}
