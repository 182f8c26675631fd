// Reads a backbone saved by saveBackbone (model.json + weights.bin) and
// rebuilds it, optionally insisting on an architecture and class count.
import { CceError, formatValue } from '@cce/errors';
import { type RestoreOptions, restoreBackbone } from './internal/restore.js';
import type { Backbone, BackboneManifest } from './types.js';

/**
 * Loads the backbone saved in `dir` by {@link saveBackbone}, with its exact
 * weights and batch-norm moving statistics, on the active backend.
 *
 * @param dir - directory holding `model.json` and `weights.bin`.
 * @param options - `expect: { architecture?, numClasses?, inputShape? }`:
 *   the checkpoint must match each field given.
 * @throws CceError when a file is missing or not valid JSON (argument
 *   `'dir'`), when the checkpoint differs from `options.expect` (argument
 *   `'architecture'`, `'numClasses'` or `'inputShape'`, both values in the
 *   message), when the manifest is invalid, or when `weights.bin` does not
 *   match it (length, checksum, entry offsets; the hint names the file and
 *   byte offset).
 * @example
 * ```ts
 * const model = await loadBackbone('runs/1/checkpoint', {
 *   expect: { architecture: 'vgg4', numClasses: 10 },
 * });
 * ```
 */
export async function loadBackbone(
  dir: string,
  options: RestoreOptions = {},
): Promise<Backbone> {
  const fn = 'loadBackbone';
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new CceError({
      fn,
      argument: 'dir',
      expected: 'a non-empty path string',
      received: formatValue(dir),
    });
  }
  const { join } = await import('node:path');
  const modelPath = join(dir, 'model.json');
  const weightsPath = join(dir, 'weights.bin');
  const text = new TextDecoder().decode(await readFileFrom(fn, modelPath));
  let manifest: BackboneManifest;
  try {
    manifest = JSON.parse(text) as BackboneManifest;
  } catch (error) {
    throw new CceError({
      fn,
      argument: 'dir',
      expected: 'a checkpoint whose model.json is valid JSON',
      received: `unparsable JSON (${(error as Error).message})`,
      hint: `file: ${modelPath}`,
    });
  }
  const weights = await readFileFrom(fn, weightsPath);
  return restoreBackbone(fn, { manifest, weights }, options, modelPath);
}

async function readFileFrom(fn: string, path: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises');
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new CceError({
      fn,
      argument: 'dir',
      expected: 'a directory with model.json and weights.bin from saveBackbone',
      received: `${code} reading ${path}`,
    });
  }
}
