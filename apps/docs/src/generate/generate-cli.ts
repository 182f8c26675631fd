// Generates the CLI reference (pages/cli/index.md) from the `cce` command's
// own help: `node apps/trainer/dist/cli.js --help`, then `<command> --help`
// for every command it lists, one level of subcommands deep.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the CLI reference generator reads and writes. */
export interface CliOptions {
  repoRoot: string;
  pagesDir: string;
  log: (line: string) => void;
}

/** Help text of one command line, e.g. `['cluster']` for `cce cluster`. */
export interface CliHelp {
  path: string[];
  text: string;
}

/**
 * Command names listed under the `Commands:` heading of commander-style
 * help, without the built-in `help` command.
 */
export function parseSubcommands(help: string): string[] {
  const names: string[] = [];
  let inCommands = false;
  for (const line of help.split('\n')) {
    if (/^Commands:\s*$/.test(line)) {
      inCommands = true;
      continue;
    }
    if (!inCommands) continue;
    if (/^\S/.test(line)) break;
    const match = /^ {2}([a-z][\w:-]*)(?:\|\S+)?(?=\s|$)/.exec(line);
    if (match?.[1] && match[1] !== 'help') names.push(match[1]);
  }
  return names;
}

/**
 * Drops what a root help appends after a rule line followed by
 * `cce <command> --help` (the trainer prints every command's help there),
 * since the page shows each command's help in its own section.
 */
export function trimAppendedHelp(help: string): string {
  const match = /\n-{20,}\n\S+ \S+ --help\n/.exec(help);
  return match ? `${help.slice(0, match.index).trimEnd()}\n` : help;
}

/** Collects the help of the root command and of every (sub)command. */
export function collectHelp(
  run: (args: string[]) => string,
  maxDepth = 2,
): CliHelp[] {
  const out: CliHelp[] = [];
  const visit = (path: string[]): void => {
    const text = trimAppendedHelp(run([...path, '--help']));
    out.push({ path, text });
    if (path.length >= maxDepth) return;
    for (const name of parseSubcommands(text)) visit([...path, name]);
  };
  visit([]);
  return out;
}

/** The markdown of the CLI reference page. */
export function renderCliPage(helps: CliHelp[] | undefined): string {
  const head = [
    '# CLI reference',
    '',
    'The `cce` command comes with `@cce/trainer` (`pnpm cce …` in this',
    'repository, `npx cce …` once installed). This page is generated when',
    'the site is built, from the output of `cce --help` and of each',
    "command's `--help`, so it always matches the code.",
    '',
  ];
  if (helps === undefined) {
    return [
      ...head,
      '::: warning Not generated yet',
      'The trainer was not built when this site was built',
      '(`apps/trainer/dist/cli.js` is missing), so its help could not be',
      'read. Run `pnpm build` at the repository root to build it first.',
      ':::',
      '',
    ].join('\n');
  }
  const sections = helps.map(({ path, text }) =>
    [
      `## ${['cce', ...path].join(' ')}`,
      '',
      '```text',
      text.trimEnd(),
      '```',
      '',
    ].join('\n'),
  );
  return [...head, ...sections].join('\n');
}

/** Writes pages/cli/index.md; resolves to the number of commands found. */
export function generateCli(options: CliOptions): number {
  const cli = join(options.repoRoot, 'apps', 'trainer', 'dist', 'cli.js');
  let helps: CliHelp[] | undefined;
  if (existsSync(cli)) {
    helps = collectHelp((args) =>
      execFileSync(process.execPath, [cli, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '80' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  } else {
    options.log(`[docs] cli: ${cli} is missing; writing a note instead`);
  }
  const dir = join(options.pagesDir, 'cli');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.md'), renderCliPage(helps));
  options.log(`[docs] cli: ${helps?.length ?? 0} commands`);
  return helps?.length ?? 0;
}
