// Atomic file writes for the results folder: the trainer's writer (temp
// file + fsync + rename, so an interrupted run leaves either no file or a
// whole one, and resumption can trust every file it finds), after creating
// the folder.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic as writeAtomicInFolder } from '@cce/trainer';

/** Writes `data` to `path` atomically, creating its folder first. */
export async function writeFileAtomic(
  path: string,
  data: string,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeAtomicInFolder(path, data);
}
