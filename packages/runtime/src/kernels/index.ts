// PLACEHOLDER written by the lead so initRuntime builds before the kernels
// land; the kernels helper replaces this file with the real registrations.
export function registerTrainingKernels(_backendName: 'wasm' | 'cpu'): string[] {
  return [];
}

export function restoreStockKernels(_backendName: 'wasm' | 'cpu'): void {}
