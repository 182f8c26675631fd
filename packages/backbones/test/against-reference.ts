// Shared checks of a tfjs backbone against the float64 reference: forward
// values in both modes, moving-statistics updates, and every gradient
// against central finite differences of the reference.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import type { Backbone } from '../src/index.js';
import { maxAbs, maxAbsDiff, toTensor } from './backend.js';
import {
  type Arr,
  finiteDifferenceGradients,
  referenceForward,
  seededArray,
  weightsOf,
} from './reference.js';

/** Forward pass vs reference; returns nothing, asserts with tolerances. */
export function expectForwardMatchesReference(
  model: Backbone,
  x: Arr,
  training: boolean,
  tolerance = 1e-4,
): void {
  const before = weightsOf(model);
  const expected = referenceForward(model.config, before, x, training);
  const input = toTensor(x);
  const { logits, features } = model.apply(input, {
    training,
    returnFeatures: true,
  });

  expect(logits.shape).toEqual(expected.logits.shape);
  expect(features.shape).toEqual(expected.features.shape);
  const scale = Math.max(1, maxAbs(expected.logits.data));
  expect(maxAbsDiff(logits.dataSync(), expected.logits.data)).toBeLessThan(
    tolerance * scale,
  );
  const featureScale = Math.max(1, maxAbs(expected.features.data));
  expect(maxAbsDiff(features.dataSync(), expected.features.data)).toBeLessThan(
    tolerance * featureScale,
  );

  const after = weightsOf(model);
  for (const [name, value] of before) {
    const updated = training ? expected.moving.get(name) : undefined;
    const wanted = updated ?? value; // untouched unless a BN moving stat
    expect(maxAbsDiff(after.get(name)!, wanted), name).toBeLessThan(1e-5);
  }
  if (training) {
    const movingCount = model.namedVariables.filter((v) => !v.trainable);
    expect(expected.moving.size).toBe(movingCount.length);
  }
  tf.dispose([input, logits, features]);
}

/**
 * tf gradients of `Σ logits ⊙ r` vs float64 central differences, for every
 * trainable variable. Tolerance relative to the largest gradient.
 */
export function expectGradientsMatchReference(
  model: Backbone,
  x: Arr,
  training: boolean,
  tolerance = 2e-3,
): void {
  const weights = weightsOf(model);
  const trainable = model.namedVariables.filter((v) => v.trainable);
  const n = x.shape[0]!;
  const r = seededArray([n, model.config.numClasses], 99).data;
  const expected = finiteDifferenceGradients(
    model.config,
    weights,
    trainable.map((v) => v.name),
    x,
    r,
    training,
  );

  const input = toTensor(x);
  const rTensor = tf.tensor(Float32Array.from(r), [n, model.config.numClasses]);
  const { value, grads } = tf.variableGrads(
    () => tf.sum(tf.mul(model.apply(input, { training }), rTensor)),
    model.trainableVariables,
  );
  const scale = Math.max(...[...expected.values()].map((g) => maxAbs(g)));
  expect(scale).toBeGreaterThan(1e-3); // the check is not vacuous
  for (const { name, variable } of trainable) {
    const grad = grads[variable.name];
    expect(grad?.shape, name).toEqual(variable.shape);
    const diff = maxAbsDiff(grad!.dataSync(), expected.get(name)!);
    expect(diff, name).toBeLessThan(tolerance * scale);
  }
  tf.dispose([input, rTensor, value, ...Object.values(grads)]);
}
