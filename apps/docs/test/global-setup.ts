// Vitest global setup: builds the site once when apps/docs/dist is missing,
// so parallel test files never build it twice at the same time.
import { ensureBuiltSite } from './helpers/built-site.js';

export default function setup(): void {
  ensureBuiltSite();
}
