// Writes a backbone to a directory as model.json (config + weight manifest)
// and weights.bin (little-endian float32), each written atomically.
import type { Backbone, BackboneManifest } from './types.js';
import { CceError, formatValue } from '@cce/errors';

/** Where {@link saveBackbone} wrote, and how much. */
export interface SavedBackbone {
  modelPath: string;
  weightsPath: string;
  weightsByteLength: number;
}

/**
 * Saves `model` to `dir` (created if missing): `weights.bin` holds every
 * variable as little-endian float32, back to back in manifest order;
 * `model.json` holds the {@link BackboneManifest}: format version,
 * architecture, class count, input shape, the full config, and for each
 * tensor its name, shape, dtype, byte offset and length, plus the byte
 * length and FNV-1a checksum of `weights.bin`.
 *
 * Each file is written to a temporary name in `dir`, flushed, then renamed
 * over the target, so a reader never sees a half-written file. The weights
 * go first and `model.json` last: the checksum in `model.json` ties the
 * pair together, so a crash between the two renames is detected on load.
 * Node only (uses `node:fs`); in a browser use `model.serialize()`.
 *
 * @throws CceError when `model` is not a live {@link Backbone} or `dir` is
 *   not a non-empty string; file-system errors propagate.
 * @example
 * ```ts
 * await saveBackbone(model, 'runs/1/checkpoint');
 * const again = await loadBackbone('runs/1/checkpoint');
 * ```
 */
export async function saveBackbone(
  model: Backbone,
  dir: string,
): Promise<SavedBackbone> {
  if (typeof model?.serialize !== 'function') {
    throw new CceError({
      fn: 'saveBackbone',
      argument: 'model',
      expected: 'a backbone made by a create* function',
      received: formatValue(model),
    });
  }
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new CceError({
      fn: 'saveBackbone',
      argument: 'dir',
      expected: 'a non-empty path string',
      received: formatValue(dir),
    });
  }
  const { manifest, weights } = model.serialize();
  const { mkdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await mkdir(dir, { recursive: true });

  const weightsPath = join(dir, 'weights.bin');
  const modelPath = join(dir, 'model.json');
  await writeAtomically(weightsPath, weights);
  await writeAtomically(modelPath, manifestText(manifest));
  return { modelPath, weightsPath, weightsByteLength: weights.length };
}

function manifestText(manifest: BackboneManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
}

async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const { open, rename, rm } = await import('node:fs/promises');
  const suffix = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const temporary = `${path}.tmp-${suffix}`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
