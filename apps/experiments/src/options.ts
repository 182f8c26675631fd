// Flags of `pnpm experiments`, parsed with node:util and checked.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROFILES, type Profile } from './profiles.js';

export const EXPERIMENTS = ['e1', 'e2', 'e3', 'e4'] as const;
export type ExperimentName = (typeof EXPERIMENTS)[number];

/** Parsed flags. */
export interface Options {
  profile: Profile;
  only: ExperimentName[];
  seeds: number | undefined;
  /** Runs executed at once. */
  jobs: number;
  /** `--runs`: only planned runs whose id matches are executed. */
  runs: RegExp | undefined;
  /** `--report-only`: execute nothing; report the stored runs. */
  reportOnly: boolean;
  /** Results folder (absolute). */
  out: string | undefined;
  /** Folder of the `cce` run folders (checkpoints); absolute. */
  workDir: string | undefined;
  fashionMnistDir: string | undefined;
  /** Leave Fashion-MNIST out even when its files exist. */
  noFashionMnist: boolean;
  dryRun: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm experiments [options]

Reproduces E1 (soft-label robustness), E2 (clustering) and copies the E3/E4
benchmark tables into apps/docs/results/. Resumable: finished runs are kept
one JSON file each and skipped by the next invocation.

Options:
  --quick                   smoke test on tiny subsets (= --profile quick);
                            writes to apps/experiments/quick-results/
  --profile <name>          full (default), reduced or quick
  --only <list>             experiments to run, e.g. e1,e2 (default: all)
  --seeds <n>               seeds per setting (default: the profile's)
  --jobs <n>                runs executed at once (default 1); each cce
                            process keeps one core busy, so up to the number
                            of cores; a run's wall time then includes the
                            sharing of memory bandwidth
  --runs <regex>            execute only the planned runs whose id matches,
                            e.g. 'long-mnist-(shannon|collision)-eta0.8'
                            (ids: --dry-run); the others are reused when
                            stored and otherwise left for a later
                            invocation; the reports cover every stored run
  --report-only             execute no run: write the reports from the
                            stored runs (the others count as left for later)
  --out <dir>               results folder (default: apps/docs/results, or
                            apps/experiments/quick-results for --quick)
  --work-dir <dir>          where the cce run folders (checkpoints) go
                            (default: apps/experiments/runs/<hash of out>)
  --fashion-mnist-dir <dir> folder with the four Fashion-MNIST IDX files
                            (default: /usr/share/datasets/fashion-mnist when
                            it exists, as installed by the Debian package
                            dataset-fashion-mnist; else Fashion-MNIST is
                            skipped)
  --no-fashion-mnist        leave Fashion-MNIST out even when it is found
  --dry-run                 print the planned cce commands and exit
  -h, --help                print this help
`;

/** Error for bad flags: one line, exit code 2. */
export class OptionsError extends Error {}

/** Parses `argv` (the flags after `pnpm experiments`). */
export function parseOptions(argv: string[], cwd: string): Options {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv.filter((a) => a !== '--')).values;
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  const name = values.quick ? 'quick' : (values.profile ?? 'full');
  if (!(name in PROFILES)) {
    throw new OptionsError(
      `--profile must be one of ${Object.keys(PROFILES).join(', ')}, got '${name}'`,
    );
  }
  if (values.quick && values.profile && values.profile !== 'quick') {
    throw new OptionsError(`--quick contradicts --profile ${values.profile}`);
  }
  const only = (values.only ?? EXPERIMENTS.join(','))
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknown = only.filter(
    (s) => !(EXPERIMENTS as readonly string[]).includes(s),
  );
  if (unknown.length > 0 || only.length === 0) {
    throw new OptionsError(
      `--only must list some of ${EXPERIMENTS.join(', ')}, got '${values.only}'`,
    );
  }
  let seeds: number | undefined;
  if (values.seeds !== undefined) {
    seeds = Number(values.seeds);
    if (!Number.isInteger(seeds) || seeds < 1) {
      throw new OptionsError(
        `--seeds must be a positive integer, got '${values.seeds}'`,
      );
    }
  }
  let jobs = 1;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      throw new OptionsError(
        `--jobs must be a positive integer, got '${values.jobs}'`,
      );
    }
  }
  let runs: RegExp | undefined;
  if (values.runs !== undefined) {
    try {
      runs = new RegExp(values.runs);
    } catch (error) {
      throw new OptionsError(
        `--runs must be a regular expression over run ids, got '${values.runs}' (${(error as Error).message})`,
      );
    }
  }
  const reportOnly = values['report-only'] === true;
  if (reportOnly && runs !== undefined) {
    throw new OptionsError('--report-only executes no run; drop --runs');
  }
  const abs = (p: string | undefined) =>
    p === undefined ? undefined : resolve(cwd, p);
  return {
    profile: PROFILES[name as keyof typeof PROFILES],
    only: only as ExperimentName[],
    seeds,
    jobs,
    runs,
    reportOnly,
    out: abs(values.out),
    workDir: abs(values['work-dir']),
    fashionMnistDir: abs(values['fashion-mnist-dir']),
    noFashionMnist: values['no-fashion-mnist'] === true,
    dryRun: values['dry-run'] === true,
    help: values.help === true,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean' },
      profile: { type: 'string' },
      only: { type: 'string' },
      seeds: { type: 'string' },
      jobs: { type: 'string' },
      runs: { type: 'string' },
      'report-only': { type: 'boolean' },
      out: { type: 'string' },
      'work-dir': { type: 'string' },
      'fashion-mnist-dir': { type: 'string' },
      'no-fashion-mnist': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
