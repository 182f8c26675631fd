// The finished runs of an experiment: one JSON file per run under
// `<out>/<experiment>/per-run/<id>.json`. A file whose arguments match the
// planned run means "done, skip it"; that is what makes a run resumable.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RunRecord, RunSpec } from './run-spec.js';
import { writeFileAtomic } from './write-file-atomic.js';

const split = z.object({
  acc: z.number(),
  nmi: z.number(),
  ari: z.number(),
  samples: z.number(),
});

const recordSchema = z.object({
  id: z.string(),
  experiment: z.string(),
  status: z.literal('ok'),
  group: z.record(z.string(), z.union([z.string(), z.number()])),
  seed: z.number(),
  command: z.string(),
  args: z.array(z.string()),
  result: z.looseObject({
    command: z.string(),
    dataset: z.string(),
    method: z.string(),
    backbone: z.string().nullable(),
    clusters: z.number(),
    acc: z.number().nullable(),
    nmi: z.number().nullable(),
    ari: z.number().nullable(),
    train: split.nullable(),
    test: split.nullable(),
    clusterSizes: z.array(z.number()),
    epochs: z.number(),
    seed: z.number(),
    backend: z.string(),
    seconds: z.number(),
    runDir: z.string(),
  }),
  history: z.array(
    z.object({
      epoch: z.number(),
      loss: z.record(z.string(), z.number()),
      trainAcc: z.number().nullable(),
      testAcc: z.number().nullable(),
      seconds: z.number(),
    }),
  ),
  composition: z.array(z.array(z.number())).optional(),
  finished: z.string(),
  build: z.string().optional(),
});

/**
 * Folder of the per-run files inside an experiment's folder. Not `runs/`:
 * the repository's .gitignore ignores every folder of that name.
 */
export const RUNS_FOLDER = 'per-run';

/** Path of the result file of `spec` under the output folder. */
export function recordPath(outDir: string, spec: RunSpec): string {
  return join(outDir, spec.experiment, RUNS_FOLDER, `${spec.id}.json`);
}

/** Why a stored file was not reused. */
export type StaleReason = 'missing' | 'unreadable' | 'other-arguments';

/**
 * The stored record of `spec`, or why there is none usable: the file is
 * missing, does not parse as a record, or was made with other arguments
 * (the profile changed), in which case the run is repeated.
 */
export async function readRecord(
  outDir: string,
  spec: RunSpec,
): Promise<RunRecord | StaleReason> {
  let text: string;
  try {
    text = await readFile(recordPath(outDir, spec), 'utf8');
  } catch {
    return 'missing';
  }
  let parsed: RunRecord;
  try {
    parsed = recordSchema.parse(JSON.parse(text)) as RunRecord;
  } catch {
    return 'unreadable';
  }
  const same =
    parsed.args.length === spec.args.length &&
    parsed.args.every((a, i) => a === spec.args[i]);
  return same ? parsed : 'other-arguments';
}

/** Stores a finished run atomically. */
export async function writeRecord(
  outDir: string,
  spec: RunSpec,
  record: RunRecord,
): Promise<void> {
  await writeFileAtomic(
    recordPath(outDir, spec),
    `${JSON.stringify(record, null, 2)}\n`,
  );
}
