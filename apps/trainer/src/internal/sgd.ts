// Stochastic gradient descent with heavy-ball momentum:
// v ← μ·v + g, x ← x − lr·v (μ = 0: plain SGD). The velocities are the
// whole state, so a restored run continues bit for bit.
import * as tf from '@tensorflow/tfjs-core';
import {
  checkSlots,
  type Optimizer,
  type OptimizerState,
} from './optimizer.js';

/** SGD with momentum `momentum` ∈ [0, 1) over `variables`. */
export class Sgd implements Optimizer {
  private readonly velocity: tf.Variable[];
  step = 0;

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly momentum: number,
  ) {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new RangeError(`momentum must be in [0, 1), got ${momentum}`);
    }
    this.velocity = variables.map((x) => tf.variable(tf.zerosLike(x), false));
  }

  apply(grads: readonly tf.Tensor[], lr: number): void {
    this.step += 1;
    tf.tidy(() => {
      this.variables.forEach((x, i) => {
        const v = this.velocity[i]!;
        const vNew = tf.add(tf.mul(v, this.momentum), grads[i]!);
        v.assign(vNew);
        x.assign(tf.sub(x, tf.mul(vNew, lr)));
      });
    });
  }

  /** Copies the state out: the velocities, in variable order. */
  getState(): OptimizerState {
    return {
      step: this.step,
      slots: this.velocity.map((x) => x.dataSync() as Float32Array),
    };
  }

  setState(state: OptimizerState): void {
    checkSlots('SGD', state, this.velocity.length);
    this.step = state.step;
    this.velocity.forEach((x, i) =>
      x.assign(tf.tensor(state.slots[i]!, x.shape)),
    );
  }

  dispose(): void {
    tf.dispose(this.velocity);
  }
}
