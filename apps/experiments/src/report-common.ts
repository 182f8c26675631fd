// Pieces every experiment report shares: the profile banner, run timing,
// the per-run table that links each run's JSON file, and the failures.
import { join } from 'node:path';
import { cceCommand, duration, table } from './markdown.js';
import type { Profile } from './profiles.js';
import type { RunFailure, RunOutcome, RunRecord } from './run-spec.js';
import { RUNS_FOLDER } from './run-store.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** What a report writer gets. */
export interface ReportInput {
  outDir: string;
  profile: Profile;
  outcomes: RunOutcome[];
  /** Markdown lines of the environment block. */
  environment: string[];
  /** Runs executed by this invocation (the rest were reused). */
  executedIds: ReadonlySet<string>;
  /** Data sets left out, with the reason. */
  skipped: string[];
}

/** Finished and failed runs of `outcomes`. */
export function splitOutcomes(outcomes: readonly RunOutcome[]): {
  ok: RunRecord[];
  failed: RunFailure[];
} {
  return {
    ok: outcomes.filter((o): o is RunRecord => o.status === 'ok'),
    failed: outcomes.filter((o): o is RunFailure => o.status === 'failed'),
  };
}

/** The warning at the top of a quick or reduced report. */
export function profileBanner(profile: Profile): string[] {
  if (profile.name === 'full') return [];
  const text =
    profile.name === 'quick'
      ? 'QUICK MODE: a smoke test of the pipeline on tiny subsets (1 seed, 1–2 epochs). The numbers below say nothing about the methods.'
      : 'REDUCED configuration: fewer examples or epochs than the full experiment (about 8 hours of runs on this 2-core machine; the full one, by the same per-run times, about 30). See the setup below for exactly what was reduced; `pnpm experiments` runs the full configuration.';
  return [`> **${text}**`, ''];
}

/** Timing lines: sum of the runs' own wall times, runs executed / reused. */
export function timingLines(input: ReportInput): string[] {
  const { ok } = splitOutcomes(input.outcomes);
  const total = ok.reduce((a, r) => a + r.result.seconds, 0);
  const backends = [...new Set(ok.map((r) => r.result.backend))];
  const executed = ok.filter((r) => input.executedIds.has(r.id)).length;
  const builds = new Map<string, number>();
  for (const r of ok) {
    const b = r.build ?? 'not recorded (run before build tracking)';
    builds.set(b, (builds.get(b) ?? 0) + 1);
  }
  return [
    `- **trainer build** (newest file of apps/trainer/dist and packages/*/dist): ${[...builds].map(([b, n]) => `${b} (${n} runs)`).join('; ') || '–'}`,
    `- **backend**: ${backends.join(', ') || '–'} (tfjs, chosen by \`--backend auto\`)`,
    `- **wall time**: ${duration(total)} summed over the ${ok.length} finished runs (each run's own \`seconds\`; runs that shared the machine, e.g. with \`--jobs\`, took longer each); ${executed} ran in this invocation, ${ok.length - executed} were reused from earlier ones`,
  ];
}

/** Section listing failed runs, or nothing. */
export function failureLines(input: ReportInput): string[] {
  const { failed } = splitOutcomes(input.outcomes);
  if (failed.length === 0) return [];
  return [
    '## Failed runs',
    '',
    'These runs exited with an error; they are left out of the tables and',
    'are tried again by the next invocation.',
    '',
    table(
      ['run', 'exit code', 'error (last stderr line)'],
      failed.map((f) => [
        f.id,
        String(f.exitCode),
        f.error.replace(/\|/g, '\\|'),
      ]),
    ),
    '',
  ];
}

/** Per-run rows with a link to each run's JSON file. */
export function perRunTable(
  records: readonly RunRecord[],
  columns: readonly [string, (r: RunRecord) => string][],
): string {
  return table(
    ['run', ...columns.map(([name]) => name), 'seconds', 'data'],
    records.map((r) => [
      r.id,
      ...columns.map(([, cell]) => cell(r)),
      r.result.seconds.toFixed(1),
      `[json](${RUNS_FOLDER}/${r.id}.json)`,
    ]),
  );
}

/** The `cce` command of one run, in a code block. */
export function exampleCommand(record: RunRecord | undefined): string[] {
  if (!record) return [];
  return ['```sh', cceCommand(record.args), '```', ''];
}

/** Writes `<out>/<experiment>/<name>`. */
export function writeOut(
  input: ReportInput,
  experiment: string,
  name: string,
  text: string,
): Promise<void> {
  return writeFileAtomic(join(input.outDir, experiment, name), text);
}

/** `0.912` or `–`. */
export const fixed = (x: number | null | undefined, digits = 4): string =>
  x === null || x === undefined ? '–' : x.toFixed(digits);
