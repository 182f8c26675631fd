// Shared vitest preset: every package's vitest.config.ts spreads this.
// Tests run in Node forks (tfjs keeps global state per process), with a
// generous timeout because the plain JS backend is slow on 2 cores.
import { defineConfig } from 'vitest/config';

export const preset = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});

export default preset;
