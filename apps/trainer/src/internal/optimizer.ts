// What the training loop needs of an optimiser: a step with a given
// learning rate, and a state that a checkpoint stores as float32 arrays
// and restores bit for bit.
import type * as tf from '@tensorflow/tfjs-core';

/** An optimiser's state as plain arrays, for checkpoints. */
export interface OptimizerState {
  /** Steps taken. */
  step: number;
  /** Per-variable buffers in an order the optimiser defines. */
  slots: Float32Array[];
}

/** A first-order optimiser over a fixed list of variables. */
export interface Optimizer {
  readonly step: number;
  /** One update; `grads[i]` belongs to the i-th variable. */
  apply(grads: readonly tf.Tensor[], lr: number): void;
  getState(): OptimizerState;
  setState(state: OptimizerState): void;
  dispose(): void;
}

/** Throws unless `state` holds `expected` buffers (a checkpoint of another optimiser). */
export function checkSlots(
  name: string,
  state: OptimizerState,
  expected: number,
): void {
  if (state.slots.length !== expected) {
    throw new Error(
      `${name} state needs ${expected} buffers, the checkpoint has ${state.slots.length} (was it written with another --optimizer?)`,
    );
  }
}
