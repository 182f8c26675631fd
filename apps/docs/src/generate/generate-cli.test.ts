import { describe, expect, it } from 'vitest';
import {
  collectHelp,
  parseSubcommands,
  renderCliPage,
  trimAppendedHelp,
} from './generate-cli.js';

// Shaped like commander 14's help output (written by hand for the test).
const ROOT = `Usage: cce [options] [command]

Tool description

Options:
  -V, --version      print the version
  -h, --help         print help

Commands:
  cluster [options]  cluster things
  train [options]    train things
  help [command]     display help for command

Exit codes: 0 success
------------------------------------------------------------------------------
cce cluster --help

Usage: cce cluster [options]
`;

describe('parseSubcommands', () => {
  it('lists the commands without help when the help has a Commands section', () => {
    expect(parseSubcommands(ROOT)).toEqual(['cluster', 'train']);
  });

  it('finds none when the help has no Commands section', () => {
    expect(
      parseSubcommands('Usage: cce train [options]\n\nOptions:\n  --x  y\n'),
    ).toEqual([]);
  });
});

describe('trimAppendedHelp', () => {
  it('cuts the appended per-command reference when a rule line precedes it', () => {
    const trimmed = trimAppendedHelp(ROOT);
    expect(trimmed.endsWith('Exit codes: 0 success\n')).toBe(true);
    expect(trimmed).not.toContain('cce cluster --help');
  });

  it('keeps a help unchanged when nothing is appended', () => {
    expect(trimAppendedHelp('Usage: x\n')).toBe('Usage: x\n');
  });
});

describe('collectHelp', () => {
  it('visits the root and each command once when run on a fake CLI', () => {
    const calls: string[] = [];
    const helps = collectHelp((args) => {
      calls.push(args.join(' '));
      return args.length === 1 ? ROOT : `Usage: cce ${args[0]}\n`;
    });
    expect(calls).toEqual(['--help', 'cluster --help', 'train --help']);
    expect(helps.map((h) => h.path)).toEqual([[], ['cluster'], ['train']]);
  });
});

describe('renderCliPage', () => {
  it('writes one section per command when helps are given', () => {
    const page = renderCliPage([
      { path: [], text: 'root help' },
      { path: ['train'], text: 'train help' },
    ]);
    expect(page).toContain('## cce\n\n```text\nroot help\n```');
    expect(page).toContain('## cce train\n\n```text\ntrain help\n```');
  });

  it('writes a not-generated note when the trainer is not built', () => {
    const page = renderCliPage(undefined);
    expect(page).toContain('::: warning Not generated yet');
    expect(page).toContain('apps/trainer/dist/cli.js');
  });
});
