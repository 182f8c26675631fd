import { preset } from '@cce/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// The site tests need the built site: build it once, before any test file
// runs, when `pnpm build` has not (see test/global-setup.ts).
export default mergeConfig(
  preset,
  defineConfig({ test: { globalSetup: ['test/global-setup.ts'] } }),
);
