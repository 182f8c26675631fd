// Chooses and initialises the TensorFlow.js backend for cce: native
// TensorFlow through the optional @tensorflow/tfjs-node, else WebAssembly,
// else plain JS; registers every gradient and our fast training kernels.
import * as tf from '@tensorflow/tfjs-core';
import { CceError, formatValue } from '@cce/errors';
import { setGlobalSeed } from './seed.js';
import { registerTrainingKernels } from './kernels/index.js';

/** Names of the backends cce can run on. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** What `initRuntime` may be asked for. */
export type BackendRequest = 'auto' | BackendName;

export const BACKEND_REQUESTS: readonly BackendRequest[] = [
  'auto',
  'tensorflow',
  'wasm',
  'cpu',
];

/** Options of {@link initRuntime}. */
export interface RuntimeOptions {
  /** Backend to use; `'auto'` (default) takes the fastest that loads. */
  backend?: BackendRequest;
  /**
   * Threads for the WebAssembly backend (an integer >= 1). Only honoured
   * before the WebAssembly backend first initialises in this process.
   */
  threads?: number;
  /** Seed for {@link nextSeed}: a safe integer >= 0. */
  seed?: number;
  /** Where the one line about the chosen backend goes; silent by default. */
  logger?: (line: string) => void;
  /**
   * Register cce's training kernels (convolution gradients) on the wasm and
   * cpu backends; default true. False keeps the stock kernels (benchmarks).
   */
  trainingKernels?: boolean;
  /** Browser only: where the tfjs-backend-wasm `.wasm` files are served. */
  wasmPaths?: string;
}

/** What {@link getRuntimeInfo} reports about the active runtime. */
export interface RuntimeInfo {
  backend: BackendName;
  reason: string;
  threads: number | undefined;
  seed: number | undefined;
  trainingKernels: string[];
}

let info: RuntimeInfo | undefined;
let gradientsLoaded: Promise<unknown> | undefined;
let wasmInitialised = false;
let wasmThreads: number | undefined;

/**
 * Initialises TensorFlow.js for cce and resolves to the active backend.
 *
 * `'auto'` takes `tensorflow` when `@tensorflow/tfjs-node` is installed and
 * really runs (its native library is downloaded at install and is often
 * missing), else `wasm`, else `cpu`. An explicit backend that cannot load
 * throws. Calling it again switches backends. Every gradient is registered
 * (tfjs-core alone registers none).
 *
 * @throws CceError for an unknown backend, `threads` < 1 or not an integer,
 *   a seed that is not a safe integer >= 0, or an explicit backend that fails
 *   to load.
 * @example
 * ```ts
 * const backend = await initRuntime({ backend: 'cpu', seed: 1 });
 * // backend === 'cpu'
 * ```
 */
export async function initRuntime(
  options: RuntimeOptions = {},
): Promise<BackendName> {
  const { backend = 'auto', threads, seed, logger } = options;
  validateOptions(backend, threads, seed);
  await loadGradients();

  const chosen =
    backend === 'auto'
      ? await chooseAuto(options)
      : { name: backend, reason: await loadExplicit(backend, options) };

  const kernels =
    options.trainingKernels === false || chosen.name === 'tensorflow'
      ? []
      : registerTrainingKernels(chosen.name);
  if (seed !== undefined) setGlobalSeed(seed);
  info = {
    backend: chosen.name,
    reason: chosen.reason,
    threads: chosen.name === 'wasm' ? wasmThreads : undefined,
    seed,
    trainingKernels: kernels,
  };
  logger?.(`[runtime] backend=${chosen.name} (${chosen.reason})`);
  return chosen.name;
}

/** The active runtime, or undefined before {@link initRuntime}. */
export function getRuntimeInfo(): RuntimeInfo | undefined {
  return info
    ? { ...info, trainingKernels: [...info.trainingKernels] }
    : undefined;
}

function validateOptions(
  backend: unknown,
  threads: unknown,
  seed: unknown,
): void {
  const fn = 'initRuntime';
  if (!BACKEND_REQUESTS.includes(backend as BackendRequest)) {
    throw new CceError({
      fn,
      argument: 'backend',
      expected: `one of ${BACKEND_REQUESTS.map((b) => `'${b}'`).join(', ')}`,
      received: formatValue(backend),
    });
  }
  if (
    threads !== undefined &&
    !(Number.isInteger(threads) && (threads as number) >= 1)
  ) {
    throw new CceError({
      fn,
      argument: 'threads',
      expected: 'an integer >= 1',
      received: formatValue(threads),
    });
  }
  if (
    seed !== undefined &&
    !(Number.isSafeInteger(seed) && (seed as number) >= 0)
  ) {
    throw new CceError({
      fn,
      argument: 'seed',
      expected: 'a safe integer >= 0',
      received: formatValue(seed),
    });
  }
}

// Importing tfjs-layers registers all of tfjs-core's gradients (the
// register_all_gradients module of tfjs-core does not load in Node ESM).
function loadGradients(): Promise<unknown> {
  gradientsLoaded ??= import('@tensorflow/tfjs-layers');
  return gradientsLoaded;
}

async function chooseAuto(
  options: RuntimeOptions,
): Promise<{ name: BackendName; reason: string }> {
  const native = await tryLoad('tensorflow', options);
  if (native.ok) {
    return { name: 'tensorflow', reason: 'auto: @tensorflow/tfjs-node loaded' };
  }
  const wasm = await tryLoad('wasm', options);
  if (wasm.ok) {
    return {
      name: 'wasm',
      reason: `auto: tfjs-node unavailable (${native.why}); WebAssembly loaded`,
    };
  }
  const cpu = await tryLoad('cpu', options);
  if (cpu.ok) {
    return {
      name: 'cpu',
      reason: `auto: tfjs-node unavailable (${native.why}); WebAssembly failed (${wasm.why}); plain JS`,
    };
  }
  throw new CceError({
    fn: 'initRuntime',
    argument: 'backend',
    expected: 'a backend that loads',
    received: `'auto' (tensorflow: ${native.why}; wasm: ${wasm.why}; cpu: ${cpu.why})`,
  });
}

async function loadExplicit(
  name: BackendName,
  options: RuntimeOptions,
): Promise<string> {
  const result = await tryLoad(name, options);
  if (!result.ok) {
    throw new CceError({
      fn: 'initRuntime',
      argument: 'backend',
      expected: `a backend that loads ('${name}' was requested)`,
      received: `failure: ${result.why}`,
      hint:
        name === 'tensorflow'
          ? 'Install @tensorflow/tfjs-node where its native library can be downloaded, or use backend "auto"'
          : undefined,
    });
  }
  return 'requested';
}

type LoadResult = { ok: true } | { ok: false; why: string };

async function tryLoad(
  name: BackendName,
  options: RuntimeOptions,
): Promise<LoadResult> {
  try {
    if (name === 'tensorflow') await import('@tensorflow/tfjs-node');
    if (name === 'wasm') await prepareWasm(options);
    if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
    const ok = await tf.setBackend(name);
    if (!ok) return { ok: false, why: `tf.setBackend('${name}') failed` };
    // The plain JS backend prints a banner advertising tfjs-node on its
    // first write; a library must not print, and the log line says it all.
    if (name === 'cpu')
      (tf.backend() as { firstUse?: boolean }).firstUse = false;
    // A backend can register and still fail on first use (missing binary).
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
    if (name === 'wasm') wasmInitialised = true;
    return { ok: true };
  } catch (error) {
    return { ok: false, why: firstLine(error) };
  }
}

async function prepareWasm(options: RuntimeOptions): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
  if (options.threads === undefined) return;
  if (wasmInitialised && options.threads !== wasmThreads) {
    throw new CceError({
      fn: 'initRuntime',
      argument: 'threads',
      expected: `${wasmThreads ?? 'the default'} (the WebAssembly backend is already initialised in this process)`,
      received: String(options.threads),
    });
  }
  wasm.setThreadsCount(options.threads);
  wasmThreads = options.threads;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
