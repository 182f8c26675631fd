// Fast convolution-gradient kernels for the wasm and plain JS backends.
export type { TrainingKernelBackend } from './kernel-types.js';
export { registerTrainingKernels } from './register-training-kernels.js';
export { restoreStockKernels } from './restore-stock-kernels.js';
