// Locates the built site (apps/docs/dist) and builds it when it is missing,
// so the site tests run after `pnpm build` or on their own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOCS_ROOT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
export const SITE_DIR = join(DOCS_ROOT, 'dist');

/** Milliseconds a fresh build may take on 2 busy cores. */
export const BUILD_TIMEOUT_MS = 400_000;

/** The built site's folder; runs `pnpm run build` first if needed. */
export function ensureBuiltSite(): string {
  if (!existsSync(join(SITE_DIR, 'index.html'))) {
    execFileSync('pnpm', ['run', 'build'], {
      cwd: DOCS_ROOT,
      stdio: 'inherit',
      timeout: BUILD_TIMEOUT_MS,
    });
  }
  return SITE_DIR;
}
