// A full training step of a small VGG-style network on the wasm backend with
// our kernels (conv, batch norm, relu, max pool, dense, softmax cross
// entropy; Adam and SGD with momentum), checked against the cpu backend.
import '@tensorflow/tfjs-layers'; // registers the gradients
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from './register-training-kernels.js';
import { restoreStockKernels } from './restore-stock-kernels.js';
import { initBackends, tf } from './test-utils/backends.js';
import {
  randomValues,
  relativeError,
  seededRandom,
} from './test-utils/random-cases.js';

const TOLERANCE = 1e-4; // normwise relative, float32
const BATCH = 4;
const SIZE = 11; // odd, so the second pooling drops a row and a column
const CLASSES = 5;

/** Initial parameters as plain arrays (the same on both backends). */
function initialParams(): Record<
  string,
  { shape: number[]; values: Float32Array }
> {
  const r = seededRandom(2026);
  const make = (shape: number[], scale: number) => {
    const values = randomValues(
      r,
      shape.reduce((a, b) => a * b),
    );
    return { shape, values: values.map((v) => v * scale) };
  };
  const ones = (n: number) => ({
    shape: [n],
    values: new Float32Array(n).fill(1),
  });
  const zeros = (n: number) => ({ shape: [n], values: new Float32Array(n) });
  return {
    conv1: make([3, 3, 1, 4], 0.5),
    gamma1: ones(4),
    beta1: zeros(4),
    conv2: make([3, 3, 4, 8], 0.3),
    gamma2: ones(8),
    beta2: zeros(8),
    dense: make([2 * 2 * 8, CLASSES], 0.3),
    bias: zeros(CLASSES),
  };
}

function batch() {
  const r = seededRandom(7);
  const x = randomValues(r, BATCH * SIZE * SIZE);
  const labels = Array.from({ length: BATCH }, (_, i) => i % CLASSES);
  return { x, labels };
}

type Vars = Record<string, tf.Variable>;
let runs = 0; // makes variable names unique

function block(
  h: tf.Tensor4D,
  w: tf.Variable,
  gamma: tf.Variable,
  beta: tf.Variable,
): tf.Tensor4D {
  const conv = tf.conv2d(h, w as tf.Tensor4D, 1, 'same');
  const { mean, variance } = tf.moments(conv, [0, 1, 2]);
  const normed = tf.batchNorm(conv, mean, variance, beta, gamma, 1e-3);
  return tf.maxPool(tf.relu(normed) as tf.Tensor4D, 2, 2, 'valid');
}

function loss(v: Vars, x: tf.Tensor4D, onehot: tf.Tensor2D): tf.Scalar {
  const h1 = block(x, v.conv1!, v.gamma1!, v.beta1!); // [N, 5, 5, 4]
  const h2 = block(h1, v.conv2!, v.gamma2!, v.beta2!); // [N, 2, 2, 8]
  const flat = tf.reshape(h2, [BATCH, 2 * 2 * 8]);
  const logits = tf.add(tf.matMul(flat, v.dense as tf.Tensor2D), v.bias!);
  return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
}

interface StepResult {
  loss: number;
  lossAfter: number;
  grads: Record<string, Float32Array>;
  gradShapes: Record<string, number[]>;
  after: Record<string, Float32Array>;
}

/** One gradient evaluation, then `steps` optimizer updates, on `backend`. */
async function train(
  backend: 'cpu' | 'wasm',
  optimizer: 'adam' | 'momentum',
  steps: number,
): Promise<StepResult> {
  await tf.setBackend(backend);
  const params = initialParams();
  const vars: Vars = {};
  for (const [name, p] of Object.entries(params)) {
    runs += 1;
    vars[name] = tf.variable(
      tf.tensor(p.values, p.shape),
      true,
      `${name}-${runs}`,
    );
  }
  const { x: xv, labels } = batch();
  const x = tf.tensor4d(xv, [BATCH, SIZE, SIZE, 1]);
  const onehot = tf.cast(tf.oneHot(labels, CLASSES), 'float32') as tf.Tensor2D;
  const list = Object.values(vars);
  const { value, grads } = tf.variableGrads(() => loss(vars, x, onehot), list);
  const result: StepResult = {
    loss: value.dataSync()[0]!,
    lossAfter: Number.NaN,
    grads: {},
    gradShapes: {},
    after: {},
  };
  for (const [name, variable] of Object.entries(vars)) {
    const g = grads[variable.name]!;
    result.grads[name] = g.dataSync().slice() as Float32Array;
    result.gradShapes[name] = g.shape;
  }
  tf.dispose([value, ...Object.values(grads)]);
  const opt =
    optimizer === 'adam' ? tf.train.adam(0.01) : tf.train.momentum(0.05, 0.9);
  for (let s = 0; s < steps; s++) {
    opt.minimize(() => loss(vars, x, onehot), false, list);
  }
  for (const [name, variable] of Object.entries(vars)) {
    result.after[name] = variable.dataSync().slice() as Float32Array;
  }
  result.lossAfter = tf.tidy(() => loss(vars, x, onehot).dataSync()[0]!);
  opt.dispose();
  tf.dispose([x, onehot, ...list]);
  return result;
}

beforeAll(async () => {
  await initBackends();
});

afterAll(() => {
  restoreStockKernels('wasm');
});

describe('a VGG-style training step on wasm with our kernels', () => {
  it('fails with stock wasm kernels because Conv2DBackpropFilter is missing', async () => {
    restoreStockKernels('wasm');
    await expect(train('wasm', 'adam', 0)).rejects.toThrow(
      /Conv2DBackpropFilter.*not registered.*wasm/,
    );
  });

  it.each(['adam', 'momentum'] as const)(
    'gives the cpu backend gradients and %s updates',
    async (optimizer) => {
      restoreStockKernels('cpu'); // the reference: stock cpu kernels
      const reference = await train('cpu', optimizer, 3);
      registerTrainingKernels('wasm');
      const got = await train('wasm', optimizer, 3);
      expect(Math.abs(got.loss - reference.loss)).toBeLessThan(
        1e-5 * Math.abs(reference.loss),
      );
      expect(Math.abs(got.lossAfter - reference.lossAfter)).toBeLessThan(
        1e-4 * Math.abs(reference.lossAfter),
      );
      for (const name of Object.keys(reference.grads)) {
        expect(got.gradShapes[name]).toEqual(initialParams()[name]!.shape);
        expect(
          relativeError(got.grads[name]!, reference.grads[name]!),
          name,
        ).toBeLessThan(TOLERANCE);
        expect(
          relativeError(got.after[name]!, reference.after[name]!),
          name,
        ).toBeLessThan(TOLERANCE);
      }
    },
  );

  it('halves the loss within 20 Adam steps when trained on wasm', async () => {
    registerTrainingKernels('wasm');
    const run = await train('wasm', 'adam', 20);
    expect(Number.isFinite(run.lossAfter)).toBe(true);
    expect(run.lossAfter).toBeLessThan(0.5 * run.loss);
  });
});
