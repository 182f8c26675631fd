// Runs other kernels of the same backend from inside a kernel function and
// frees every intermediate result afterwards (tfjs's engine does not track
// tensors created below the kernel level).
import { getKernel, type NamedAttrMap } from '@tensorflow/tfjs-core';
import type { BackendLike, TensorInfo } from './kernel-types.js';
import { savedStockKernel } from './stock-kernels.js';

type KernelInputs = Record<string, TensorInfo> | TensorInfo[];

/**
 * A scope of kernel calls: `run` looks a kernel up for this backend, calls it
 * and remembers its output; `keep` exempts the result to return; `dispose`
 * decrements the reference count of everything else (reshapes share their
 * input's data and hold their own reference, so this is safe for them too).
 */
export class KernelScope {
  private readonly made: TensorInfo[] = [];

  constructor(
    readonly backend: BackendLike,
    readonly backendName: string,
  ) {}

  /** Runs the currently registered kernel `name`. */
  run(name: string, inputs: KernelInputs, attrs: NamedAttrMap = {}) {
    const config = getKernel(name, this.backendName);
    if (config == null) {
      throw new Error(
        `training kernels: kernel '${name}' is not registered for backend ` +
          `'${this.backendName}'`,
      );
    }
    return this.call(config.kernelFunc, inputs, attrs);
  }

  /** Runs the kernel `name` that was registered before ours replaced it. */
  runStock(name: string, inputs: KernelInputs, attrs: NamedAttrMap = {}) {
    const config = savedStockKernel(name, this.backendName);
    if (config == null) {
      throw new Error(
        `training kernels: no stock '${name}' kernel for backend ` +
          `'${this.backendName}'`,
      );
    }
    return this.call(config.kernelFunc, inputs, attrs);
  }

  /** Removes `info` from the scope so `dispose` leaves it alive. */
  keep(info: TensorInfo): TensorInfo {
    const index = this.made.lastIndexOf(info);
    if (index >= 0) {
      this.made.splice(index, 1);
    }
    return info;
  }

  /** Frees every output made in this scope and not kept. */
  dispose(): void {
    for (const info of this.made) {
      this.backend.disposeData(info.dataId);
    }
    this.made.length = 0;
  }

  private call(
    kernelFunc: ReturnType<typeof getKernel>['kernelFunc'],
    inputs: KernelInputs,
    attrs: NamedAttrMap,
  ): TensorInfo {
    const out = kernelFunc({
      inputs: inputs as Parameters<typeof kernelFunc>[0]['inputs'],
      backend: this.backend,
      attrs,
    });
    if (Array.isArray(out)) {
      throw new Error('training kernels: expected a kernel with one output');
    }
    this.made.push(out);
    return out;
  }
}

/** Runs `body` in a fresh scope; the returned tensor survives the scope. */
export function withScope(
  backend: BackendLike,
  backendName: string,
  body: (scope: KernelScope) => TensorInfo,
): TensorInfo {
  const scope = new KernelScope(backend, backendName);
  try {
    return scope.keep(body(scope));
  } finally {
    scope.dispose();
  }
}
