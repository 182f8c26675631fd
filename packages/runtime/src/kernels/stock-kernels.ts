// Remembers the kernels that were registered before the training kernels
// replaced them, so they can be called (as a fallback) and put back.
import {
  engine,
  getKernel,
  type KernelConfig,
  registerKernel,
  unregisterKernel,
} from '@tensorflow/tfjs-core';

// key `${backendName}/${kernelName}`; null: no kernel was registered before.
const saved = new Map<string, KernelConfig | null>();

function key(kernelName: string, backendName: string): string {
  return `${backendName}/${kernelName}`;
}

function registered(kernelName: string, backendName: string) {
  // getKernel returns undefined for a missing kernel despite its typing.
  return getKernel(kernelName, backendName) as KernelConfig | undefined;
}

/** The kernel that was registered before ours, if any. */
export function savedStockKernel(
  kernelName: string,
  backendName: string,
): KernelConfig | undefined {
  const config = saved.get(key(kernelName, backendName));
  if (config !== undefined) {
    return config ?? undefined;
  }
  // Not overridden (yet): the registered kernel is the stock one.
  return registered(kernelName, backendName);
}

/** Replaces (or adds) a kernel, saving what was there the first time. */
export function overrideKernel(config: KernelConfig): void {
  const k = key(config.kernelName, config.backendName);
  const current = registered(config.kernelName, config.backendName);
  if (!saved.has(k)) {
    saved.set(k, current ?? null);
  }
  if (current != null) {
    unregisterKernel(config.kernelName, config.backendName);
  }
  registerKernel(config);
}

/**
 * Puts back every saved kernel of `backendName` (or unregisters ours where
 * there was none) and returns their names.
 */
export function restoreSavedKernels(backendName: string): string[] {
  const restored: string[] = [];
  const prefix = `${backendName}/`;
  for (const [k, stock] of [...saved]) {
    if (!k.startsWith(prefix)) {
      continue;
    }
    const kernelName = k.slice(prefix.length);
    if (registered(kernelName, backendName) != null) {
      unregisterKernel(kernelName, backendName);
    }
    if (stock != null) {
      registerKernel(stock);
      // A backend initialised while ours was registered never ran the stock
      // kernel's setup (wasm binds its C function there); run it now.
      const instance = engine().registry[backendName];
      if (stock.setupFunc != null && instance != null) {
        stock.setupFunc(instance);
      }
    }
    saved.delete(k);
    restored.push(kernelName);
  }
  return restored;
}
