// Executes planned runs one at a time (the machine is shared), cheapest
// first, skipping every run whose result file already exists.
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
}

/** What happened to the plan. */
export interface PlanOutcome {
  outcomes: RunOutcome[];
  /** Runs executed now, reused from earlier invocations, failed. */
  executed: number;
  reused: number;
  failed: number;
  /** Ids of the runs executed by this invocation. */
  executedIds: Set<string>;
  /** True when stopped before the end. */
  incomplete: boolean;
}

/** Runs (or reuses) every run of `specs`; never runs two at once. */
export async function runPlan(
  specs: readonly RunSpec[],
  options: RunPlanOptions,
): Promise<PlanOutcome> {
  const ordered = [...specs].sort((a, b) => a.order - b.order);
  const outcomes: RunOutcome[] = [];
  let executed = 0;
  let reused = 0;
  let failed = 0;
  const executedIds = new Set<string>();
  for (const [index, spec] of ordered.entries()) {
    if (options.stopped?.()) {
      return {
        outcomes,
        executed,
        reused,
        failed,
        executedIds,
        incomplete: true,
      };
    }
    const stored = await readRecord(options.outDir, spec);
    const tag = `[${index + 1}/${ordered.length}] ${spec.experiment} ${spec.id}`;
    if (typeof stored !== 'string') {
      // Labels may have been added since the file was written.
      outcomes.push({ ...stored, group: spec.group });
      reused += 1;
      continue;
    }
    if (stored !== 'missing')
      options.log(`${tag}: stored file ${stored}, rerun`);
    const outcome = await options.runner(spec);
    outcomes.push(outcome);
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
  }
  return { outcomes, executed, reused, failed, executedIds, incomplete: false };
}
