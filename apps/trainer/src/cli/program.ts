// The commander definition of `cce`: commands, flags and help text, built
// from the field table so help, config schema and validation agree.
import { Command, Option } from 'commander';
import {
  DATA_FIELDS,
  type Field,
  SPLITS,
  CLUSTER_COMMAND_FIELDS,
  TRAIN_COMMAND_FIELDS,
} from '../config/fields.js';
import { defaultText } from '../config/presets.js';
import { LOG_LEVELS } from '../terminal/logger.js';
import { TRAINER_VERSION } from '../version.js';

/** Raw options of a command as commander parsed them. */
export type RawOptions = Record<string, unknown>;

/** What each command does once its flags are parsed. */
export interface CommandActions {
  cluster(options: RawOptions): Promise<void>;
  train(options: RawOptions): Promise<void>;
  eval(options: RawOptions): Promise<void>;
  bench(options: RawOptions): Promise<void>;
}

function describe(field: Field): string {
  const notes: string[] = [];
  if (field.choices) notes.push(`one of: ${field.choices.join(', ')}`);
  if (field.defaultText !== undefined) {
    notes.push(`default: ${defaultText(field)}`);
  }
  return notes.length > 0
    ? `${field.description} (${notes.join('; ')})`
    : field.description;
}

function addFields(command: Command, fields: readonly Field[]): void {
  for (const field of fields) {
    command.addOption(new Option(field.flag, describe(field)));
    if (field.kind === 'bool') {
      command.addOption(new Option(`--no-${field.flag.slice(2)}`).hideHelp());
    }
  }
}

function addOutputOptions(command: Command, runs: boolean): void {
  if (runs) {
    command
      .option(
        '--config <file>',
        'JSON file of settings (camelCase keys, see the config schema); flags override it',
      )
      .option(
        '--out <dir>',
        'run folder to create (default: runs/<command>-<dataset>-<objective>-<time>)',
      )
      .option(
        '--resume <runDir>',
        'continue an interrupted run from its last checkpoint (other training flags are not allowed)',
      );
  }
  command
    .option(
      '--json',
      'print the final result as one JSON object on stdout (keys acc, nmi, ari, …)',
    )
    .option('--quiet', 'print nothing on stderr but errors')
    .addOption(
      new Option(
        '--log-level <level>',
        `stderr verbosity (one of: ${LOG_LEVELS.join(', ')}; default: info)`,
      ),
    )
    .option('--no-progress', 'no progress bars (log lines only)');
}

const EXAMPLES: Record<string, string> = {
  cluster: `
Examples:
  cce cluster                                   # embedded MNIST, defaults
  cce cluster --dataset synthetic --clusters 5 --samples 2000
  cce cluster --objective kmeans --json
  cce cluster --dataset features --features emb.npy --clusters 20
  cce cluster --config run.json --epochs 5      # flags override the file
  cce cluster --resume runs/cluster-mnist-collision-20260101-120000`,
  train: `
Examples:
  cce train --loss collision --label-noise dirichlet --eta 0.6
  cce train --dataset fashion-mnist --loss shannon --epochs 5 --json`,
  eval: `
Examples:
  cce eval --checkpoint runs/cluster-mnist-collision-20260101-120000
  cce eval --predictions predictions.csv
  cce eval --predictions predictions.csv --truth truth.csv --json`,
  bench: `
Examples:
  cce bench --quick
  cce bench --packages metrics,em-solver --json`,
};

const EXIT_CODES = `
Exit codes: 0 success, 1 unexpected failure, 2 bad input (one line on
stderr), 3 a loss or weight became non-finite (the last good checkpoint is
kept), 130 interrupted by Ctrl-C (a checkpoint was written; use --resume).`;

/**
 * Builds the `cce` program. Actions receive commander's raw options; the
 * caller validates them (see `runCli`).
 */
export function createProgram(actions: CommandActions): Command {
  const program = new Command('cce')
    .description(
      'Collision cross-entropy: self-labeling deep clustering, soft-label training, evaluation and benchmarks',
    )
    .version(TRAINER_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help (of a command with cce <command> -h)')
    .helpCommand(false)
    .showSuggestionAfterError(true);

  const cluster = program
    .command('cluster')
    .description(
      'cluster images or vectors without labels: self-labeling with pseudo-labels (collision, reverse, forward, sela), or the imsat / kmeans baselines',
    );
  addFields(cluster, CLUSTER_COMMAND_FIELDS);
  addOutputOptions(cluster, true);
  cluster.addHelpText('after', EXAMPLES.cluster!);
  cluster.action((options: RawOptions) => actions.cluster(options));

  const train = program
    .command('train')
    .description(
      'supervised training from hard or soft labels with a soft-label loss, optionally with Dirichlet label noise',
    );
  addFields(train, TRAIN_COMMAND_FIELDS);
  addOutputOptions(train, true);
  train.addHelpText('after', EXAMPLES.train!);
  train.action((options: RawOptions) => actions.train(options));

  const evaluate = program
    .command('eval')
    .description(
      'ACC, NMI and ARI of a checkpoint on a data set, or of a predictions CSV against the truth',
    )
    .option(
      '--checkpoint <dir>',
      'a run folder (its latest checkpoint) or a checkpoint folder',
    )
    .option(
      '--predictions <file>',
      'CSV with a column cluster (or prediction) and optionally label (the truth)',
    )
    .option(
      '--truth <file>',
      'true labels for --predictions: CSV with a column label, or one integer per line',
    )
    .addOption(
      new Option(
        '--split <name>',
        `data to score with --checkpoint (one of: ${SPLITS.join(', ')}; default: test when the data set has one, else train)`,
      ),
    )
    .option('--batch-size <n>', 'examples per forward pass (default: 500)')
    .option(
      '--backend <name>',
      'TensorFlow.js backend (one of: auto, tensorflow, wasm, cpu; default: auto)',
    );
  addFields(
    evaluate,
    DATA_FIELDS.map((f) => ({
      ...f,
      description: `${f.description}; with --checkpoint, default: the run's data set`,
      defaultText: undefined,
    })),
  );
  addOutputOptions(evaluate, false);
  evaluate.addHelpText('after', EXAMPLES.eval!);
  evaluate.action((options: RawOptions) => actions.eval(options));

  const bench = program
    .command('bench')
    .description(
      "run the packages' benchmarks and print one table (build first: pnpm build)",
    )
    .option('--quick', 'tiny sizes: a smoke test of a few seconds per package')
    .option(
      '--packages <list>',
      'comma-separated packages to run (default: every package with a bench script)',
    )
    .option('--out <dir>', 'also write bench.json and bench.md there');
  addOutputOptions(bench, false);
  bench.addHelpText('after', EXAMPLES.bench!);
  bench.action((options: RawOptions) => actions.bench(options));

  program.addHelpText('after', () => fullReference(program));
  return program;
}

// `cce --help` prints every command's help too, so the docs can generate
// the whole CLI reference from one call.
function fullReference(program: Command): string {
  const parts = program.commands.map(
    (command) =>
      `\n${'-'.repeat(78)}\ncce ${command.name()} --help\n\n${command.helpInformation()}${EXAMPLES[command.name()] ?? ''}\n`,
  );
  return `${EXIT_CODES}\n${parts.join('')}`;
}
