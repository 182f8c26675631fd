// Starts TensorFlow.js through @cce/runtime with the run's backend, threads
// and seed, logging the one line about the chosen backend.
import { initRuntime } from '@cce/runtime';
import type { CommandContext } from '../cli/context.js';
import type { BackendChoice } from '../config/fields.js';
import { installFastMatMul } from '../internal/fast-matmul.js';

/** Initialises the backend; resolves to its name. */
export async function setupRuntime(
  ctx: CommandContext,
  settings: { backend: BackendChoice; threads?: number; seed: number },
): Promise<string> {
  const backend = await initRuntime({
    backend: settings.backend,
    threads: settings.threads,
    seed: settings.seed,
    logger: (line) =>
      ctx.logger.info('runtime', line.replace(/^\[runtime\]\s*/, '')),
  });
  if (backend === 'wasm') installFastMatMul();
  return backend;
}
