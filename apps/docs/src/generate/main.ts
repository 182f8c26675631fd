// Build step of the docs site (run by `pnpm build` before `vitepress
// build`): writes the API reference, the CLI reference and the results page
// into pages/. Progress goes to stderr.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApi } from './generate-api.js';
import { generateCli } from './generate-cli.js';
import { generateResults } from './generate-results.js';

const docsRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = join(docsRoot, '..', '..');
const pagesDir = join(docsRoot, 'pages');
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const started = Date.now();
generateCli({ repoRoot, pagesDir, log });
generateResults({
  repoRoot,
  pagesDir,
  resultsDir: join(docsRoot, 'results'),
  log,
});
await generateApi({ repoRoot, pagesDir, log });
log(`[docs] generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
