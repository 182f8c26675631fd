import { preset } from '@cce/vitest-config';
import { mergeConfig } from 'vitest/config';

// Every test file starts on the plain JS backend with all gradients
// registered (test/setup.ts); property suites switch to wasm themselves.
export default mergeConfig(preset, {
  test: { setupFiles: ['test/setup.ts'] },
});
