// The WebAssembly backend multiplies with a transposed operand about ten
// times slower than without (XNNPACK's fast path needs plain layouts), and
// both gradients of a dense layer are such products. This kernel makes the
// transposes explicit (a cheap copy) and calls the stock BatchMatMul, which
// makes an MLP training step several times faster.
// TODO(2026-12): use @cce/runtime's training kernels once they cover
// BatchMatMul, and delete this file.
import {
  getKernel,
  type KernelConfig,
  type KernelFunc,
  registerKernel,
  type TensorInfo,
  unregisterKernel,
} from '@tensorflow/tfjs-core';

let installed = false;

/**
 * Replaces the wasm BatchMatMul kernel with one that transposes first.
 * Idempotent; a no-op when the wasm kernels are not registered.
 */
export function installFastMatMul(): void {
  if (installed) return;
  const stock = getKernel('BatchMatMul', 'wasm') as KernelConfig | undefined;
  const transpose = getKernel('Transpose', 'wasm') as KernelConfig | undefined;
  if (!stock || !transpose) return;
  installed = true;

  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as {
      transposeA: boolean;
      transposeB: boolean;
    };
    if (!transposeA && !transposeB) {
      return stock.kernelFunc({ inputs, backend, attrs });
    }
    const temporaries: TensorInfo[] = [];
    const swap = (x: TensorInfo): TensorInfo => {
      const rank = x.shape.length;
      const perm = [...Array(rank).keys()];
      perm[rank - 2] = rank - 1;
      perm[rank - 1] = rank - 2;
      const out = transpose.kernelFunc({
        inputs: { x },
        backend,
        attrs: { perm },
      }) as TensorInfo;
      temporaries.push(out);
      return out;
    };
    const result = stock.kernelFunc({
      inputs: { a: transposeA ? swap(a) : a, b: transposeB ? swap(b) : b },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
    const disposer = backend as { disposeData(id: object): void };
    for (const t of temporaries) disposer.disposeData(t.dataId);
    return result;
  };

  unregisterKernel('BatchMatMul', 'wasm');
  registerKernel({ ...stock, kernelFunc });
}
