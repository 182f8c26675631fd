// Packs a backbone's variables into one little-endian float32 buffer with a
// manifest (names, shapes, byte offsets, checksum), and reads it back with
// a check of every field, so a damaged checkpoint fails with a clear error.
import * as tf from '@tensorflow/tfjs-core';
import { CceError, formatShape, formatValue } from '@cce/errors';
import type {
  BackboneConfig,
  BackboneManifest,
  NamedVariable,
  SerializedBackbone,
  WeightEntry,
} from '../types.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** 32-bit FNV-1a of the bytes as 8 lowercase hex digits. */
export function checksum(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Reverses every 4-byte group in place (float32 endianness swap). */
function swapBytes(bytes: Uint8Array): void {
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    bytes[i] = bytes[i + 3]!;
    bytes[i + 1] = bytes[i + 2]!;
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
}

/** Copies every variable out into a manifest and a weight buffer. */
export function serializeVariables(
  config: BackboneConfig,
  entries: readonly NamedVariable[],
  numParams: number,
): SerializedBackbone {
  const weights: WeightEntry[] = [];
  let byteOffset = 0;
  for (const { name, variable, trainable } of entries) {
    const byteLength = variable.size * 4;
    weights.push({
      name,
      shape: [...variable.shape],
      dtype: 'float32',
      byteOffset,
      byteLength,
      trainable,
    });
    byteOffset += byteLength;
  }
  // LIMITATION(L-003): float32 only; no float16 or quantised weights.
  const bytes = new Uint8Array(byteOffset);
  const floats = new Float32Array(bytes.buffer);
  entries.forEach(({ variable }, i) => {
    floats.set(variable.dataSync() as Float32Array, weights[i]!.byteOffset / 4);
  });
  if (!LITTLE_ENDIAN) swapBytes(bytes);

  const manifest: BackboneManifest = {
    format: 'cce-backbone',
    formatVersion: 1,
    architecture: config.architecture,
    numClasses: config.numClasses,
    inputShape: [...config.inputShape],
    config: structuredClone(config),
    numParams,
    weightsFile: 'weights.bin',
    weightsByteLength: bytes.length,
    weightsChecksum: checksum(bytes),
    weights,
  };
  return { manifest, weights: bytes };
}

/**
 * Checks the buffer against the manifest (length, checksum) and every
 * entry against the variable it fills (same name, shape, in order), then
 * assigns the values.
 */
export function restoreVariables(
  fn: string,
  serialized: SerializedBackbone,
  entries: readonly NamedVariable[],
  source: string,
): void {
  const { manifest, weights: bytes } = serialized;
  checkBuffer(fn, manifest, bytes, source);
  if (manifest.weights.length !== entries.length) {
    throw new CceError({
      fn,
      argument: 'manifest.weights',
      expected: `${entries.length} entries for this ${manifest.architecture} configuration`,
      received: `${manifest.weights.length} entries`,
      hint: `checkpoint: ${source}`,
    });
  }
  const aligned = new Uint8Array(bytes); // copy: aligned and swappable
  if (!LITTLE_ENDIAN) swapBytes(aligned);
  const floats = new Float32Array(aligned.buffer);
  entries.forEach(({ name, variable }, i) => {
    const entry = manifest.weights[i]!;
    checkEntry(fn, entry, name, variable.shape, bytes.length, source);
    const start = entry.byteOffset / 4;
    const values = floats.subarray(start, start + entry.byteLength / 4);
    tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
  });
}

function checkBuffer(
  fn: string,
  manifest: BackboneManifest,
  bytes: Uint8Array,
  source: string,
): void {
  if (bytes.length !== manifest.weightsByteLength) {
    throw new CceError({
      fn,
      argument: 'weights',
      expected: `${manifest.weightsByteLength} bytes as the manifest says`,
      received: `${bytes.length} bytes`,
      hint: `checkpoint: ${source}; the weight file is truncated or belongs to another model`,
    });
  }
  const actual = checksum(bytes);
  if (actual !== manifest.weightsChecksum) {
    throw new CceError({
      fn,
      argument: 'weights',
      expected: `bytes with checksum ${manifest.weightsChecksum} as the manifest says`,
      received: `checksum ${actual}`,
      hint: `checkpoint: ${source}; the weight file is damaged or belongs to another model`,
    });
  }
}

function checkEntry(
  fn: string,
  entry: WeightEntry,
  name: string,
  shape: readonly number[],
  totalBytes: number,
  source: string,
): void {
  const size = shape.reduce((a, b) => a * b, 1);
  const sameShape =
    Array.isArray(entry.shape) &&
    entry.shape.length === shape.length &&
    entry.shape.every((d, i) => d === shape[i]);
  const where = `checkpoint: ${source}, entry '${entry.name}' at byte offset ${entry.byteOffset}`;
  if (entry.name !== name || !sameShape || entry.dtype !== 'float32') {
    throw new CceError({
      fn,
      argument: `manifest.weights['${name}']`,
      expected: `a float32 tensor named '${name}' of shape ${formatShape(shape)}`,
      received: `'${entry.name}' ${entry.dtype} ${formatShape(entry.shape ?? [])}`,
      hint: where,
    });
  }
  const inBounds =
    Number.isSafeInteger(entry.byteOffset) &&
    entry.byteOffset >= 0 &&
    entry.byteOffset % 4 === 0 &&
    entry.byteLength === size * 4 &&
    entry.byteOffset + entry.byteLength <= totalBytes;
  if (!inBounds) {
    throw new CceError({
      fn,
      argument: `manifest.weights['${name}'].byteOffset`,
      expected: `a multiple of 4 with ${size * 4} bytes inside the ${totalBytes}-byte buffer`,
      received: `offset ${formatValue(entry.byteOffset)}, length ${formatValue(entry.byteLength)}`,
      hint: where,
    });
  }
}
