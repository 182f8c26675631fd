// Checkpoint files of a model and of plain float arrays: the backbone's own
// serialized form (model.json + weights.bin from @cce/backbones) and a tiny
// binary container for optimiser moments and pseudo-labels.
import * as tf from '@tensorflow/tfjs-core';
import {
  type Backbone,
  type BackboneManifest,
  deserializeBackbone,
} from '@cce/backbones';

/** `model.json` and `weights.bin` of a backbone. */
export function modelFiles(
  model: Backbone,
): Record<string, string | Uint8Array> {
  const { manifest, weights } = model.serialize();
  return {
    'model.json': `${JSON.stringify(manifest, null, 1)}\n`,
    'weights.bin': weights,
  };
}

/** Rebuilds a backbone from the files of {@link modelFiles}. */
export function modelFromFiles(
  modelJson: string,
  weights: Uint8Array,
): Backbone {
  const manifest = JSON.parse(modelJson) as BackboneManifest;
  return deserializeBackbone({ manifest, weights });
}

/** Name of the first variable holding a NaN or an infinity, if any. */
export function findNonFinite(model: Backbone): string | undefined {
  for (const { name, variable } of model.namedVariables) {
    const finite = tf.tidy(() => tf.all(tf.isFinite(variable)).dataSync()[0]);
    if (!finite) return name;
  }
  return undefined;
}

/**
 * Packs float32 arrays: `[count u32][length u32 × count][values…]`, all
 * little-endian.
 */
export function encodeFloat32Arrays(
  arrays: readonly Float32Array[],
): Uint8Array {
  const header = 4 * (1 + arrays.length);
  const total = header + arrays.reduce((s, a) => s + a.byteLength, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, arrays.length, true);
  let offset = header;
  arrays.forEach((a, i) => {
    view.setUint32(4 * (1 + i), a.length, true);
    for (let j = 0; j < a.length; j++) {
      view.setFloat32(offset + 4 * j, a[j]!, true);
    }
    offset += a.byteLength;
  });
  return bytes;
}

/** Unpacks {@link encodeFloat32Arrays}. */
export function decodeFloat32Arrays(bytes: Uint8Array): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  let offset = 4 * (1 + count);
  const arrays: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(4 * (1 + i), true);
    const a = new Float32Array(length);
    for (let j = 0; j < length; j++)
      a[j] = view.getFloat32(offset + 4 * j, true);
    arrays.push(a);
    offset += 4 * length;
  }
  return arrays;
}
