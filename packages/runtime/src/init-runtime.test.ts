import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getRuntimeInfo, initRuntime } from './init-runtime.js';
import { nextSeed } from './seed.js';

const require = createRequire(import.meta.url);

// Whether native TensorFlow really loads here, found independently of
// initRuntime: import the package and run one op on its backend.
async function nativeLoads(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('initRuntime', () => {
  it('resolves to cpu and activates it when cpu is requested', async () => {
    await expect(initRuntime({ backend: 'cpu' })).resolves.toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(getRuntimeInfo()?.backend).toBe('cpu');
  });

  it('switches between backends when called again', async () => {
    await expect(initRuntime({ backend: 'wasm' })).resolves.toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const x = tf.tensor1d([1, 2, 3]);
    expect(Array.from(await tf.square(x).data())).toEqual([1, 4, 9]);
    await expect(initRuntime({ backend: 'cpu' })).resolves.toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('logs one line naming the choice and reason when auto', async () => {
    const lines: string[] = [];
    const name = await initRuntime({ logger: (l) => lines.push(l) });
    const expected = (await nativeLoads()) ? 'tensorflow' : 'wasm';
    expect(name).toBe(expected);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`backend=${expected}`);
    if (expected === 'wasm')
      expect(lines[0]).toContain('tfjs-node unavailable');
  });

  it('throws a clear error when tensorflow is requested but missing', async () => {
    if (await nativeLoads()) return; // nothing to test where it loads
    await expect(initRuntime({ backend: 'tensorflow' })).rejects.toThrow(
      /initRuntime: 'backend' must be a backend that loads \('tensorflow' was requested\)/,
    );
  });

  it('registers every gradient tfjs-core defines', async () => {
    await initRuntime({ backend: 'cpu' });
    // The independent list: tfjs-core's own register_all_gradients module.
    const dist = dirname(require.resolve('@tensorflow/tfjs-core'));
    const source = readFileSync(
      join(dist, 'register_all_gradients.js'),
      'utf8',
    );
    const files = [...source.matchAll(/'\.\/gradients\/(\w+)_grad'/g)];
    expect(files.length).toBeGreaterThan(90);
    const missing = files
      .map((m) => {
        const grad = readFileSync(
          join(dist, 'gradients', `${m[1]}_grad.js`),
          'utf8',
        );
        const symbol = /kernelName: (\w+)/.exec(grad)?.[1] ?? '';
        return (tf as unknown as Record<string, string>)[symbol] ?? symbol;
      })
      .filter((kernel) => tf.getGradient(kernel) === undefined);
    expect(missing).toEqual([]);
  });

  it('gives gradients that match the closed form on each backend', async () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      await initRuntime({ backend });
      // d/dx logsumexp(x) = softmax(x), computed here in float64.
      const xs = [0.5, -1.25, 2, 0.1];
      const grad = tf.grad((x: tf.Tensor) => tf.logSumExp(x))(tf.tensor1d(xs));
      const z = xs.reduce((s, v) => s + Math.exp(v), 0);
      const got = Array.from(await grad.data());
      got.forEach((g, i) => expect(g).toBeCloseTo(Math.exp(xs[i]!) / z, 6));
    }
  });

  it('makes nextSeed reproducible when seeded', async () => {
    await initRuntime({ backend: 'cpu', seed: 42 });
    const a = [nextSeed(), nextSeed(), nextSeed()];
    const drawA = await tf.randomNormal([5], 0, 1, 'float32', a[0]).data();
    await initRuntime({ backend: 'cpu', seed: 42 });
    const b = [nextSeed(), nextSeed(), nextSeed()];
    const drawB = await tf.randomNormal([5], 0, 1, 'float32', b[0]).data();
    expect(b).toEqual(a);
    expect(Array.from(drawB)).toEqual(Array.from(drawA));
    await initRuntime({ backend: 'cpu', seed: 43 });
    expect(nextSeed()).not.toBe(a[0]);
    expect(new Set(a).size).toBe(3);
    expect(getRuntimeInfo()?.seed).toBe(43);
  });
});

describe('initRuntime bad input', () => {
  it.each([
    [
      { backend: 'gpu' },
      /'backend' must be one of 'auto', 'tensorflow', 'wasm', 'cpu', got "gpu"/,
    ],
    [{ threads: 0 }, /'threads' must be an integer >= 1, got 0/],
    [{ threads: 1.5 }, /'threads' must be an integer >= 1, got 1.5/],
    [{ seed: -1 }, /'seed' must be a safe integer >= 0, got -1/],
    [{ seed: 0.5 }, /'seed' must be a safe integer >= 0, got 0.5/],
    [{ seed: Number.NaN }, /'seed' must be a safe integer >= 0, got NaN/],
  ])('rejects %o', async (options, message) => {
    await expect(
      initRuntime(options as Parameters<typeof initRuntime>[0]),
    ).rejects.toThrow(message);
  });
});
