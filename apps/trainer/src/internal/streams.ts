// Every random number of a run comes from a stream keyed by (seed, purpose,
// epoch, batch), so a run resumed at any batch draws exactly what the
// uninterrupted run drew there. Streams are @cce/datasets' createRng.
import { createRng, type Rng } from '@cce/datasets';

/** What a stream is used for; part of its key. */
export type StreamPurpose =
  | 'shuffle'
  | 'augment'
  | 'augment-strong'
  | 'eval-subset'
  | 'kmeans'
  | 'label-noise';

/** FNV-1a of the key text: the 32-bit stream index of createRng. */
function streamIndex(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The generator for (seed, purpose, epoch, batch). */
export function streamRng(
  seed: number,
  purpose: StreamPurpose,
  epoch = 0,
  batch = 0,
): Rng {
  return createRng(seed, streamIndex(`${purpose}:${epoch}:${batch}`));
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
