// `pnpm experiments`: plans E1 and E2, runs what is not finished yet (one
// `cce` process at a time, or --jobs of them), writes the reports, copies
// E3/E4 and writes SUMMARY.md. Progress goes to stderr.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SOURCES, copyBench } from './copy-bench.js';
import { currentEnvironment, environmentLines } from './environment.js';
import { cceCommand } from './markdown.js';
import { type Options, OptionsError, parseOptions, USAGE } from './options.js';
import { type ImageDataset, planE1, planE2 } from './plan-runs.js';
import { writeE1Report } from './report-e1.js';
import { writeE2Report } from './report-e2.js';
import {
  InterruptedRunError,
  interruptRunningRuns,
  runCce,
} from './run-cce.js';
import { type PlanOutcome, runPlan } from './run-plan.js';
import type { RunSpec } from './run-spec.js';
import { trainerBuild } from './trainer-build.js';
import { writeSummary } from './write-summary.js';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
const RESULTS_DIR = join(REPO_ROOT, 'apps/docs/results');
/** --quick writes here (git-ignored), so smoke runs never reach the site. */
const QUICK_DIR = join(REPO_ROOT, 'apps/experiments/quick-results');
/** Where the Debian package dataset-fashion-mnist installs the IDX files. */
const DEBIAN_FASHION_MNIST = '/usr/share/datasets/fashion-mnist';

const log = (line: string) => process.stderr.write(`[experiments] ${line}\n`);

/** Runs the experiments with `argv`; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let options: Options;
  try {
    options = parseOptions(argv, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`experiments: ${error.message}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { profile } = options;
  const outDir =
    options.out ?? (profile.name === 'quick' ? QUICK_DIR : RESULTS_DIR);
  const workDir =
    options.workDir ??
    join(
      PACKAGE_DIR,
      'runs',
      createHash('sha1').update(outDir).digest('hex').slice(0, 8),
    );

  const { images, skipped } = imageDatasets(options);
  const plan: RunSpec[] = [
    ...(options.only.includes('e1')
      ? planE1({ profile, images, seeds: options.seeds })
      : []),
    ...(options.only.includes('e2')
      ? planE2({ profile, images, seeds: options.seeds })
      : []),
  ];
  const runs = options.runs;
  if (runs && !plan.some((spec) => runs.test(spec.id))) {
    process.stderr.write(
      `experiments: --runs '${runs.source}' matches none of the ${plan.length} planned run ids (list them with --dry-run)\n`,
    );
    return 2;
  }
  if (options.dryRun) {
    const shown = runs ? plan.filter((spec) => runs.test(spec.id)) : plan;
    for (const spec of [...shown].sort((a, b) => a.order - b.order)) {
      process.stdout.write(
        `${spec.experiment} ${spec.id}: ${cceCommand(spec.args)}\n`,
      );
    }
    return 0;
  }
  log(
    `${profile.name} profile: ${plan.length} runs, results in ${outDir}, run folders in ${workDir}`,
  );

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    log(`${signal}: stopping once the running runs write their checkpoints`);
    interruptRunningRuns(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let outcome: PlanOutcome;
  let interrupted = false;
  try {
    outcome = await runPlan(plan, {
      outDir,
      log,
      stopped: () => stopping,
      jobs: options.jobs,
      selected: options.reportOnly
        ? () => false
        : runs
          ? (spec) => runs.test(spec.id)
          : undefined,
      // The build is read before each run: others may rebuild meanwhile.
      runner: (spec) =>
        runCce(spec, {
          workDir,
          display: cceCommand,
          build: trainerBuild(REPO_ROOT),
        }),
    });
  } catch (error) {
    if (!(error instanceof InterruptedRunError)) throw error;
    log(error.message);
    interrupted = true;
    outcome = {
      outcomes: [],
      executed: 0,
      reused: 0,
      failed: 0,
      deferred: 0,
      executedIds: new Set(),
      incomplete: true,
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (interrupted) {
    log('interrupted: run the same command again to continue');
    return 130;
  }

  const env = currentEnvironment(argv);
  const environment = environmentLines(env, {});
  const base = { outDir, profile, environment, skipped };
  const ofExperiment = (name: string) =>
    outcome.outcomes.filter((o) => o.experiment === name);
  if (options.only.includes('e1')) {
    await writeE1Report({
      ...base,
      outcomes: ofExperiment('e1'),
      executedIds: outcome.executedIds,
    });
  }
  if (options.only.includes('e2')) {
    await writeE2Report({
      ...base,
      outcomes: ofExperiment('e2'),
      executedIds: outcome.executedIds,
    });
  }
  // Copying E3/E4 never reruns anything, so the summary always has them.
  const benches = [];
  for (const bench of BENCH_SOURCES) {
    benches.push(await copyBench(REPO_ROOT, outDir, bench));
  }
  const seconds = (performance.now() - started) / 1000;
  await writeSummary({
    outDir,
    profile,
    environment,
    seconds,
    benches,
    counts: outcome,
    incomplete: outcome.incomplete,
  });
  log(
    `done in ${seconds.toFixed(0)} s: ${outcome.executed} runs executed, ${outcome.reused} reused, ${outcome.failed} failed${outcome.deferred > 0 ? `, ${outcome.deferred} left for later` : ''}; see ${join(outDir, 'SUMMARY.md')}`,
  );
  return outcome.failed > 0 ? 1 : 0;
}

function imageDatasets(options: Options): {
  images: ImageDataset[];
  skipped: string[];
} {
  const images: ImageDataset[] = [
    { name: 'mnist', args: ['--dataset', 'mnist'] },
  ];
  if (options.noFashionMnist) {
    const found = existsSync(DEBIAN_FASHION_MNIST)
      ? ` (its files exist in ${DEBIAN_FASHION_MNIST}; drop the flag to include it)`
      : '';
    return {
      images,
      skipped: [`Fashion-MNIST: left out by --no-fashion-mnist${found}`],
    };
  }
  const dir =
    options.fashionMnistDir ??
    (existsSync(DEBIAN_FASHION_MNIST) ? DEBIAN_FASHION_MNIST : undefined);
  if (dir !== undefined) {
    images.push({
      name: 'fashion-mnist',
      args: ['--dataset', 'fashion-mnist', '--data-dir', dir],
    });
    return { images, skipped: [] };
  }
  return {
    images,
    skipped: [
      `Fashion-MNIST: its files are not embedded and none were found (pass --fashion-mnist-dir, or install the Debian package dataset-fashion-mnist into ${DEBIAN_FASHION_MNIST})`,
    ],
  };
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `experiments: unexpected failure: ${(error as Error).stack ?? error}\n`,
      );
      process.exitCode = 1;
    },
  );
}
