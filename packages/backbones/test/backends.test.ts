// Every backbone must train the same on every backend @cce/runtime offers:
// the same seed gives the same weights, and the gradients of a tiny
// instance agree between the plain JS (cpu) and WebAssembly backends.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { type BackboneOptions, createBackbone } from '../src/index.js';
import { maxAbs, maxAbsDiff, toTensor, useBackend } from './backend.js';
import { seededArray } from './reference.js';

const tiny: BackboneOptions[] = [
  { architecture: 'linear', inputShape: [3, 4], numClasses: 3, seed: 1 },
  {
    architecture: 'mlp',
    inputShape: [12],
    numClasses: 3,
    seed: 2,
    hiddenUnits: [6, 5],
  },
  {
    architecture: 'vgg4',
    inputShape: [9, 9, 2],
    numClasses: 3,
    seed: 3,
    widths: [3, 4, 4, 5],
  },
  {
    architecture: 'resnet18',
    inputShape: [8, 8, 3],
    numClasses: 3,
    seed: 4,
    widths: [3, 4, 4, 5],
  },
];

interface Run {
  weights: Float32Array[];
  logits: Float32Array;
  grads: Float32Array[];
}

/** Weights, training-mode logits and gradients of Σ logits ⊙ r. */
function run(options: BackboneOptions): Run {
  const model = createBackbone(options);
  const n = 4;
  const x = toTensor(seededArray([n, ...options.inputShape], 7));
  const r = toTensor(seededArray([n, options.numClasses], 8));
  const weights = model.namedVariables.map((v) => v.variable.dataSync());
  const logits = model.apply(x, { training: true });
  const { value, grads } = tf.variableGrads(
    () => tf.sum(tf.mul(model.apply(x, { training: true }), r)),
    model.trainableVariables,
  );
  const result = {
    weights: weights.map((w) => Float32Array.from(w)),
    logits: Float32Array.from(logits.dataSync()),
    grads: model.trainableVariables.map((v) =>
      Float32Array.from(grads[v.name]!.dataSync()),
    ),
  };
  tf.dispose([x, r, logits, value, ...Object.values(grads)]);
  model.dispose();
  return result;
}

describe('cpu and wasm backends', () => {
  for (const options of tiny) {
    it(`agree on ${options.architecture} weights, logits and gradients`, async () => {
      await useBackend('cpu');
      const cpu = run(options);
      await useBackend('wasm');
      expect(tf.getBackend()).toBe('wasm');
      const wasm = run(options);

      // Weights come from our own seeded generator: bit-identical.
      expect(wasm.weights).toEqual(cpu.weights);
      const logitScale = Math.max(1, maxAbs(cpu.logits));
      expect(maxAbsDiff(wasm.logits, cpu.logits)).toBeLessThan(
        1e-5 * logitScale,
      );
      expect(wasm.grads).toHaveLength(cpu.grads.length);
      const scale = Math.max(...cpu.grads.map((g) => maxAbs(g)));
      expect(scale).toBeGreaterThan(1e-2); // gradients are not trivially 0
      cpu.grads.forEach((g, i) => {
        expect(maxAbsDiff(wasm.grads[i]!, g)).toBeLessThan(1e-4 * scale);
      });
    });
  }
});
