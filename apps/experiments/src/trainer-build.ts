// Which build of the trainer and packages a run used: the newest
// modification time of their dist/ files. Stored in every run record, so
// a report can say when its runs came from different builds.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest mtime (ISO) of the `.js` files under the dist folders. */
export function trainerBuild(repoRoot: string): string {
  const roots = [join(repoRoot, 'apps/trainer/dist')];
  const packages = join(repoRoot, 'packages');
  for (const name of safeList(packages))
    roots.push(join(packages, name, 'dist'));
  let newest = 0;
  for (const root of roots) {
    for (const file of safeList(root, true)) {
      if (!file.endsWith('.js')) continue;
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    }
  }
  return newest > 0 ? new Date(newest).toISOString() : 'unknown';
}

function safeList(dir: string, recursive = false): string[] {
  try {
    return readdirSync(dir, { recursive, encoding: 'utf8' });
  } catch {
    return [];
  }
}
