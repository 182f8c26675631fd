// Public API of @cce/runtime: backend choice, gradients, training kernels
// and the seed stream.
export {
  BACKEND_REQUESTS,
  getRuntimeInfo,
  initRuntime,
  type BackendName,
  type BackendRequest,
  type RuntimeInfo,
  type RuntimeOptions,
} from './init-runtime.js';
export { getGlobalSeed, nextSeed, setGlobalSeed } from './seed.js';
