// Executes planned runs cheapest first, `jobs` at a time (default one: the
// machine is usually shared), skipping every run whose result file exists.
import { readRecord, writeRecord } from './run-store.js';
import type { RunOutcome, RunSpec } from './run-spec.js';

/** How a run of the plan is carried out (injectable for tests). */
export type Runner = (spec: RunSpec) => Promise<RunOutcome>;

/** Inputs of {@link runPlan}. */
export interface RunPlanOptions {
  outDir: string;
  runner: Runner;
  log: (line: string) => void;
  /** Checked before each run: true stops the plan (Ctrl-C). */
  stopped?: () => boolean;
  /** Runs executed at once (each `cce` process keeps one core busy); default 1. */
  jobs?: number;
  /**
   * Whether a run not stored yet may be executed now (`--runs`); the
   * others are deferred. Default: every run.
   */
  selected?: (spec: RunSpec) => boolean;
}

/** What happened to the plan. */
export interface PlanOutcome {
  /** In plan order (cheapest first); runs never started are left out. */
  outcomes: RunOutcome[];
  /** Runs executed now, reused from earlier invocations, failed. */
  executed: number;
  reused: number;
  failed: number;
  /** Runs neither stored nor selected: left for a later invocation. */
  deferred: number;
  /** Ids of the runs executed by this invocation. */
  executedIds: Set<string>;
  /** True when stopped before the end or when runs were deferred. */
  incomplete: boolean;
}

/**
 * Runs (or reuses) every run of `specs`, at most `jobs` at once. If a run
 * throws (an interrupted child), no further run starts; the runs already
 * going are awaited and the first error is rethrown.
 */
export async function runPlan(
  specs: readonly RunSpec[],
  options: RunPlanOptions,
): Promise<PlanOutcome> {
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new RangeError(`jobs must be a positive integer, got ${jobs}`);
  }
  const ordered = [...specs].sort((a, b) => a.order - b.order);
  const slots: (RunOutcome | undefined)[] = new Array(ordered.length);
  const executedIds = new Set<string>();
  let executed = 0;
  let reused = 0;
  let failed = 0;
  let deferred = 0;
  let nextIndex = 0;
  let incomplete = false;
  let aborted = false;

  const carryOut = async (index: number) => {
    const spec = ordered[index]!;
    const stored = await readRecord(options.outDir, spec);
    const tag = `[${index + 1}/${ordered.length}] ${spec.experiment} ${spec.id}`;
    if (typeof stored !== 'string') {
      // Labels may have been added since the file was written.
      slots[index] = { ...stored, group: spec.group };
      reused += 1;
      return;
    }
    if (options.selected && !options.selected(spec)) {
      deferred += 1;
      return;
    }
    if (stored !== 'missing')
      options.log(`${tag}: stored file ${stored}, rerun`);
    const outcome = await options.runner(spec);
    slots[index] = outcome;
    if (outcome.status === 'ok') {
      await writeRecord(options.outDir, spec, outcome);
      executed += 1;
      executedIds.add(spec.id);
      const acc = outcome.result.acc;
      options.log(
        `${tag}: acc ${acc === null ? 'n/a' : acc.toFixed(4)} in ${outcome.result.seconds.toFixed(1)} s`,
      );
    } else {
      failed += 1;
      options.log(
        `${tag}: FAILED (exit ${outcome.exitCode}): ${outcome.error}`,
      );
    }
  };
  // Each worker takes the next run not yet taken; JavaScript runs one
  // worker at a time between awaits, so no run is taken twice.
  const worker = async () => {
    while (nextIndex < ordered.length && !aborted) {
      if (options.stopped?.()) {
        incomplete = true;
        return;
      }
      const index = nextIndex++;
      try {
        await carryOut(index);
      } catch (error) {
        aborted = true;
        throw error;
      }
    }
  };
  const workers = Array.from(
    { length: Math.min(jobs, Math.max(1, ordered.length)) },
    worker,
  );
  const settled = await Promise.allSettled(workers);
  const error = settled.find((s) => s.status === 'rejected');
  if (error !== undefined) throw (error as PromiseRejectedResult).reason;
  return {
    outcomes: slots.filter((o) => o !== undefined),
    executed,
    reused,
    failed,
    deferred,
    executedIds,
    incomplete: incomplete || deferred > 0,
  };
}
