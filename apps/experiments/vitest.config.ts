import { preset } from '@cce/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// The quick-mode test trains ~40 small networks one after another.
export default mergeConfig(
  preset,
  defineConfig({ test: { testTimeout: 600_000 } }),
);
