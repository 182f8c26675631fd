// Creates the named variables of a backbone with seeded initial values:
// He-normal for kernels followed by ReLU, Glorot-uniform for the output
// head, zeros for biases and shifts, ones for scales and moving variances.
import * as tf from '@tensorflow/tfjs-core';
import type { NamedVariable } from '../types.js';
import { SeededRandom } from './random.js';

/** How a parameter's initial values are drawn. */
export type Init = 'he-normal' | 'glorot-uniform' | 'zeros' | 'ones';

/** Batch-norm state of one layer: γ, β and the moving statistics. */
export interface BatchNormParams {
  gamma: tf.Variable;
  beta: tf.Variable;
  movingMean: tf.Variable;
  movingVariance: tf.Variable;
}

/**
 * Receptive fan-in and fan-out of a dense `[din, dout]` or conv
 * `[kh, kw, cin, cout]` kernel.
 */
export function fans(shape: readonly number[]): [number, number] {
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [receptive * shape.at(-2)!, receptive * shape.at(-1)!];
}

/**
 * Initial values of one parameter. He-normal: N(0, 2 / fanIn), from He et
 * al. (2015) for ReLU networks; Glorot-uniform: U(−a, a) with
 * a = √(6 / (fanIn + fanOut)), from Glorot & Bengio (2010).
 */
export function initialValues(
  shape: readonly number[],
  init: Init,
  random: SeededRandom,
): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  if (init === 'ones') values.fill(1);
  if (init === 'he-normal') {
    const std = Math.sqrt(2 / fans(shape)[0]);
    for (let i = 0; i < size; i++) values[i] = std * random.nextNormal();
  }
  if (init === 'glorot-uniform') {
    const [fanIn, fanOut] = fans(shape);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < size; i++) {
      values[i] = limit * (2 * random.nextUniform() - 1);
    }
  }
  return values;
}

/**
 * Ordered collection of a model's variables. Each parameter draws from its
 * own stream keyed by (seed, name), so adding a layer never shifts the
 * values of the others. With `initialise: false` every value starts at
 * zero (the weights are about to be overwritten by a checkpoint).
 */
export class ParameterStore {
  readonly entries: NamedVariable[] = [];

  constructor(
    private readonly seed: number,
    private readonly initialise = true,
  ) {}

  add(
    name: string,
    shape: readonly number[],
    init: Init,
    trainable = true,
  ): tf.Variable {
    const values = this.initialise
      ? initialValues(shape, init, new SeededRandom(this.seed, name))
      : new Float32Array(shape.reduce((a, b) => a * b, 1));
    const initial = tf.tensor(values, [...shape], 'float32');
    const variable = tf.variable(initial, trainable);
    initial.dispose();
    this.entries.push({ name, variable, trainable });
    return variable;
  }

  /** γ = 1, β = 0, moving mean 0 and moving variance 1 over `channels`. */
  addBatchNorm(prefix: string, channels: number): BatchNormParams {
    return {
      gamma: this.add(`${prefix}/gamma`, [channels], 'ones'),
      beta: this.add(`${prefix}/beta`, [channels], 'zeros'),
      movingMean: this.add(`${prefix}/movingMean`, [channels], 'zeros', false),
      movingVariance: this.add(
        `${prefix}/movingVariance`,
        [channels],
        'ones',
        false,
      ),
    };
  }
}
