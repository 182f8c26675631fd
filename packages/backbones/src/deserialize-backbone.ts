// Rebuilds a backbone from an in-memory checkpoint (manifest + weight
// bytes), as made by `model.serialize()`: for trainer checkpoints and for
// the browser, where there is no file system.
import { type RestoreOptions, restoreBackbone } from './internal/restore.js';
import type { Backbone, SerializedBackbone } from './types.js';

export type {
  BackboneExpectation,
  RestoreOptions,
} from './internal/restore.js';

/**
 * Rebuilds the model `serialized` describes, with its exact weights and
 * batch-norm moving statistics, on the active backend.
 *
 * The manifest is checked first (format, version, config), then the
 * caller's `expect` (architecture, class count, input shape), then the
 * bytes (length and FNV-1a checksum) and every weight entry (name, shape,
 * dtype, byte offset) against the architecture rebuilt from the config.
 *
 * @param serialized - `{ manifest, weights }` from `model.serialize()`.
 * @param options - `expect: { architecture?, numClasses?, inputShape? }`.
 * @throws CceError naming the field that differs from `expect` (e.g.
 *   `'numClasses' must be 10 (options.expect.numClasses), got 20 in the
 *   checkpoint`), or the manifest field that is invalid, or `'weights'`
 *   when the bytes do not match the manifest.
 * @example
 * ```ts
 * const copy = deserializeBackbone(model.serialize());
 * // copy.apply(x) equals model.apply(x) exactly
 * ```
 */
export function deserializeBackbone(
  serialized: SerializedBackbone,
  options: RestoreOptions = {},
): Backbone {
  return restoreBackbone(
    'deserializeBackbone',
    serialized,
    options,
    'in-memory checkpoint',
  );
}
