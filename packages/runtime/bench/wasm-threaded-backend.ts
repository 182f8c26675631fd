// Loads tfjs-backend-wasm's multi-threaded SIMD build in Node, which the
// package itself never does (its thread detection answers false in Node).
// Used by the benchmark to measure whether threads help.
// LIMITATION(L-007): they do not, for training, in tfjs-backend-wasm 4.22.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { registerBackend, removeBackend } from '@tensorflow/tfjs-core';
import { BackendWasm, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

type Factory = (config: Record<string, unknown>) => Promise<WasmModule>;
interface WasmModule {
  cwrap(name: string, ret: string | null, args: string[]): unknown;
  tfjs?: Record<string, unknown>;
}

/**
 * Replaces the `'wasm'` backend factory by one that loads the threaded build
 * with `threads` worker threads (kernels are registered per backend name, so
 * it must keep the name `'wasm'`). Dispose tensors on `'wasm'` first; the
 * next `tf.setBackend('wasm')` initialises the new module.
 *
 * Three things the stock loader gets wrong in Node, worked around here:
 * 1. its thread detection returns false whenever it runs in Node;
 * 2. it hands Emscripten a `blob:` URL for the pthread worker, which
 *    `worker_threads` cannot start, so the worker script is written to a
 *    temporary `.cjs` file instead;
 * 3. the C++ side caps the pool at `os.cpus().length / 2` (1 on a 2-core
 *    machine), so `os.cpus` is stretched while the module initialises.
 */
export function registerThreadedWasm(threads: number): void {
  const mainJs = require.resolve(
    '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js',
  );
  const { wasmWorkerContents } =
    require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js') as {
      wasmWorkerContents: string;
    };
  const workerPath = join(
    os.tmpdir(),
    `cce-tfjs-wasm-worker-${process.pid}.cjs`,
  );
  // The source is stored in a template literal, where `\n` became newlines.
  writeFileSync(workerPath, wasmWorkerContents.replace(/\n/g, '\\n'));
  const factory = require(mainJs) as Factory;

  removeBackend('wasm');
  registerBackend(
    'wasm',
    async () => {
      const realCpus = os.cpus;
      const cpu = realCpus()[0] as os.CpuInfo;
      os.cpus = () => new Array<os.CpuInfo>(2 * threads).fill(cpu);
      let module: WasmModule;
      try {
        module = await factory({
          locateFile: (path: string) =>
            path.endsWith('.worker.js')
              ? workerPath
              : join(dirname(mainJs), path),
          mainScriptUrlOrBlob: mainJs,
        });
      } finally {
        os.cpus = realCpus;
      }
      module.tfjs = {
        init: module.cwrap('init', null, []),
        initWithThreadsCount: module.cwrap('init_with_threads_count', null, [
          'number',
        ]),
        getThreadsCount: module.cwrap('get_threads_count', 'number', []),
        registerTensor: module.cwrap('register_tensor', null, [
          'number',
          'number',
          'number',
        ]),
        disposeData: module.cwrap('dispose_data', null, ['number']),
        dispose: module.cwrap('dispose', null, []),
      };
      setThreadsCount(threads);
      return new BackendWasm(module as never);
    },
    2,
  );
}
