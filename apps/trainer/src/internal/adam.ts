// Adam (Kingma and Ba, arXiv:1412.6980) over a fixed list of variables,
// with state that a checkpoint restores bit for bit: tfjs-core's Adam
// rebuilds its β^t accumulators with pow() on restore, which differs from
// the running products in the last float32 bit, so a resumed run would
// drift from an uninterrupted one. Here β^t and the bias corrections are
// float64 numbers computed from the step count.
import * as tf from '@tensorflow/tfjs-core';
import {
  checkSlots,
  type Optimizer,
  type OptimizerState,
} from './optimizer.js';

/** Settings of {@link Adam}. */
export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  /** ε added to √v̂; default 1e-8. */
  epsilon?: number;
}

/** Adam over `variables`; the learning rate is passed to every step. */
export class Adam implements Optimizer {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  /** Steps taken. */
  step = 0;

  constructor(
    private readonly variables: readonly tf.Variable[],
    options: AdamOptions = {},
  ) {
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.m = variables.map((x) => tf.variable(tf.zerosLike(x), false));
    this.v = variables.map((x) => tf.variable(tf.zerosLike(x), false));
  }

  /**
   * One update `x ← x − lr_t m / (√v + ε̂)` with the bias corrections
   * folded into `lr_t = lr √(1 − β₂ᵗ) / (1 − β₁ᵗ)` and `ε̂ = ε √(1 − β₂ᵗ)`.
   * `grads[i]` belongs to `variables[i]`.
   */
  apply(grads: readonly tf.Tensor[], lr: number): void {
    this.step += 1;
    const t = this.step;
    const c2 = Math.sqrt(1 - this.beta2 ** t);
    const lrT = (lr * c2) / (1 - this.beta1 ** t);
    const epsT = this.epsilon * c2;
    tf.tidy(() => {
      this.variables.forEach((x, i) => {
        const g = grads[i]!;
        const m = this.m[i]!;
        const v = this.v[i]!;
        const mNew = tf.add(tf.mul(m, this.beta1), tf.mul(g, 1 - this.beta1));
        const vNew = tf.add(
          tf.mul(v, this.beta2),
          tf.mul(tf.square(g), 1 - this.beta2),
        );
        m.assign(mNew);
        v.assign(vNew);
        x.assign(
          tf.sub(x, tf.mul(tf.div(mNew, tf.add(tf.sqrt(vNew), epsT)), lrT)),
        );
      });
    });
  }

  /** Copies the state out: the first moments, then the second moments. */
  getState(): OptimizerState {
    return {
      step: this.step,
      slots: [...this.m, ...this.v].map((x) => x.dataSync() as Float32Array),
    };
  }

  /** Restores a state from {@link getState} (same variable shapes). */
  setState(state: OptimizerState): void {
    const n = this.m.length;
    checkSlots('Adam', state, 2 * n);
    this.step = state.step;
    this.m.forEach((x, i) => x.assign(tf.tensor(state.slots[i]!, x.shape)));
    this.v.forEach((x, i) => x.assign(tf.tensor(state.slots[n + i]!, x.shape)));
  }

  dispose(): void {
    tf.dispose([...this.m, ...this.v]);
  }
}
