// The VGG4 of createVgg4 rebuilt with @tensorflow/tfjs-layers, only for the
// benchmark: it measures what the core-ops design gains or loses in speed.
import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export interface LayersModel {
  trainable: tf.Variable[];
  apply(x: tf.Tensor, training: boolean): tf.Tensor;
  numParams: number;
  dispose(): void;
}

/** conv3×3 → BN → ReLU → max-pool ×4, global average pool, dense head. */
export function layersVgg4(
  inputShape: number[],
  widths: number[],
  numClasses: number,
): LayersModel {
  const model = tfl.sequential();
  widths.forEach((filters, i) => {
    model.add(
      tfl.layers.conv2d({
        ...(i === 0 ? { inputShape } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        useBias: false,
        kernelInitializer: 'heNormal',
      }),
    );
    model.add(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }));
    model.add(tfl.layers.reLU());
    model.add(
      tfl.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: 'same' }),
    );
  });
  model.add(tfl.layers.globalAveragePooling2d({}));
  model.add(tfl.layers.dense({ units: numClasses }));
  return {
    trainable: model.trainableWeights.map((w) => w.read() as tf.Variable),
    apply: (x, training) => model.apply(x, { training }) as tf.Tensor,
    numParams: model.countParams(),
    dispose: () => model.dispose(),
  };
}
