// Undoes registerTrainingKernels: puts the stock TensorFlow.js kernels back,
// so one process can compare stock and fast kernels.
import type { TrainingKernelBackend } from './kernel-types.js';
import { checkTrainingBackend } from './register-training-kernels.js';
import { restoreSavedKernels } from './stock-kernels.js';

/**
 * Restores the kernels that {@link registerTrainingKernels} replaced on
 * `backendName`, and unregisters the ones it added where the backend had
 * none (on wasm, `Conv2DBackpropFilter` is then missing again).
 *
 * @param backendName - `'wasm'` or `'cpu'`.
 * @returns The kernel names restored or removed; `[]` when nothing was
 *   registered.
 * @throws CceError when `backendName` is not `'wasm'` or `'cpu'`.
 * @example
 * ```ts
 * registerTrainingKernels('cpu');
 * restoreStockKernels('cpu'); // ['Conv2DBackpropFilter', 'Conv2DBackpropInput']
 * restoreStockKernels('cpu'); // []
 * ```
 */
export function restoreStockKernels(
  backendName: TrainingKernelBackend,
): string[] {
  checkTrainingBackend('restoreStockKernels', backendName);
  return restoreSavedKernels(backendName);
}
