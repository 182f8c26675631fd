// Checkpoint folders of a run: each checkpoint is written into a temporary
// folder and renamed into `checkpoints/<tag>/` in one step; `latest.json`
// (itself written atomically) names the newest complete one. The two newest
// are kept, so a failure while writing leaves the last good one in place.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';

/** Files of one checkpoint: name → contents. */
export type CheckpointFiles = Record<string, string | Uint8Array>;

const KEEP = 2;

/**
 * Writes a checkpoint named `tag` under `<runDir>/checkpoints/` and points
 * `latest.json` at it. Returns the checkpoint's folder.
 */
export async function writeCheckpoint(
  runDir: string,
  tag: string,
  files: CheckpointFiles,
): Promise<string> {
  const root = join(runDir, 'checkpoints');
  await mkdir(root, { recursive: true });
  const temp = join(root, `.tmp-${tag}-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  for (const [name, data] of Object.entries(files)) {
    await writeFileAtomic(join(temp, name), data);
  }

  const target = join(root, tag);
  await rm(target, { recursive: true, force: true });
  await rename(temp, target);
  await writeFileAtomic(
    join(root, 'latest.json'),
    `${JSON.stringify({ checkpoint: tag })}\n`,
  );
  await pruneCheckpoints(root, tag);
  return target;
}

async function pruneCheckpoints(root: string, newest: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const keep = new Set([
    newest,
    ...dirs.filter((d) => d !== newest).slice(-(KEEP - 1)),
  ]);
  for (const dir of dirs) {
    if (!keep.has(dir))
      await rm(join(root, dir), { recursive: true, force: true });
  }
}

/**
 * The folder of the checkpoint to load from `path`: a run folder (its
 * `checkpoints/latest.json`), a `checkpoints` folder, or a checkpoint
 * folder itself. Undefined when there is none.
 */
export async function findCheckpoint(
  path: string,
): Promise<string | undefined> {
  for (const root of [join(path, 'checkpoints'), path]) {
    try {
      const text = await readFile(join(root, 'latest.json'), 'utf8');
      const { checkpoint } = JSON.parse(text) as { checkpoint?: unknown };
      if (typeof checkpoint === 'string') {
        const dir = join(root, checkpoint);
        if ((await stat(dir)).isDirectory()) return dir;
      }
    } catch {
      // not this layout: try the next one
    }
  }
  try {
    await stat(join(path, 'state.json'));
    return path;
  } catch {
    return undefined;
  }
}

/** Reads every file of a checkpoint folder: name → bytes. */
export async function readCheckpoint(
  dir: string,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of await readdir(dir)) {
    files.set(name, new Uint8Array(await readFile(join(dir, name))));
  }
  return files;
}

/** Reads one file of a checkpoint as bytes. */
export async function readCheckpointFile(
  dir: string,
  name: string,
): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(dir, name)));
}
