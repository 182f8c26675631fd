// Reads CIFAR binary files (Node) in order until a record limit, decoding
// them into one NHWC float array.
import { CIFAR_PIXELS, type CifarLayout, decodeCifarRecords } from './cifar.js';
import { readFileBytes } from './node-files.js';

export function readCifarFiles(
  fn: string,
  files: readonly string[],
  layout: CifarLayout,
  limit: number,
): { images: Float32Array; labels: Int32Array; count: number } {
  const record = layout.labelBytes + CIFAR_PIXELS;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (const file of files) {
    if (total >= limit) break;
    const bytes = readFileBytes(fn, 'dir', file);
    chunks.push(bytes);
    total += Math.floor(bytes.length / record);
  }
  // Bounded by the bytes read: at most 4 bytes of output per input byte.
  const n = Math.min(total, limit);
  const images = new Float32Array(n * CIFAR_PIXELS);
  const labels = new Int32Array(n);
  let count = 0;
  chunks.forEach((bytes, i) => {
    count += decodeCifarRecords(
      fn,
      bytes,
      files[i]!,
      layout,
      images,
      labels,
      count,
      n - count,
    );
  });
  return { images, labels, count };
}
