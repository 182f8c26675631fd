// The trainer's version, read from its package.json (one level above
// `dist/` and `src/`), for `cce --version` and run folders.
import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    const url = new URL('../package.json', import.meta.url);
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Version of @cce/trainer. */
export const TRAINER_VERSION: string = readVersion();
