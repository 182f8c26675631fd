// Loads a user's feature matrix (.npy, .csv, .tsv) and optional labels from
// disk for clustering or training on embeddings; Node only.
import { extname } from 'node:path';
import { CceError, formatValue } from '@cce/errors';
import { toClassIds } from '../internal/features.js';
import { readFileBytes } from '../internal/node-files.js';
import { featuresFromNpy } from '../readers/features-from-npy.js';
import { parseCsvFeatures } from '../readers/parse-csv-features.js';
import { parseNpy } from '../readers/parse-npy.js';
import type { FeatureDataset } from '../types.js';

/** Options of {@link loadFeatures}. */
export interface LoadFeaturesOptions {
  /**
   * A separate label file: `.npy` (integers >= 0, one per row) or a
   * one-column `.csv` / `.txt` (integers or names).
   */
  labelsPath?: string;
  /** CSV only: the label column (index, negative from the end, or name). */
  labelColumn?: number | string;
  /** CSV only: whether the first row is a header; default `'auto'`. */
  header?: boolean | 'auto';
}

function kind(
  fn: string,
  argument: string,
  path: unknown,
): 'npy' | 'csv' | 'tsv' {
  const ext = typeof path === 'string' ? extname(path).toLowerCase() : '';
  if (ext === '.npy') return 'npy';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.tsv') return 'tsv';
  throw new CceError({
    fn,
    argument,
    expected: 'a path ending in .npy, .csv, .txt or .tsv',
    received: formatValue(path),
  });
}

function readOne(
  fn: string,
  argument: string,
  path: string,
  options: LoadFeaturesOptions,
) {
  const k = kind(fn, argument, path);
  if (k === 'npy') {
    return featuresFromNpy(
      parseNpy(readFileBytes(fn, argument, path), { name: path }),
      {
        name: path,
      },
    );
  }
  const text = new TextDecoder().decode(readFileBytes(fn, argument, path));
  return parseCsvFeatures(text, {
    name: path,
    delimiter: k === 'tsv' ? '\t' : ',',
    header: options.header ?? 'auto',
    labelColumn: argument === 'labelsPath' ? 0 : options.labelColumn,
  });
}

/**
 * Loads a feature matrix `[N, D]` (float32, all finite) with optional
 * labels. `.npy` files of rank >= 2 are flattened to `[N, D]`; CSV/TSV
 * files may carry a label column (`labelColumn`); `labelsPath` names a
 * separate label file. Node only; in a browser use {@link parseNpy} with
 * {@link featuresFromNpy}.
 *
 * @param path - `.npy`, `.csv`, `.txt` (comma-separated) or `.tsv`.
 * @param options - `labelsPath`, `labelColumn`, `header`.
 * @returns `{ features, shape: [N, D], labels?, labelNames?, columnNames? }`.
 * @throws CceError for an unknown extension, an unreadable or damaged file,
 *   a NaN or infinite feature (naming the file and row), or a label count
 *   that differs from N (naming both files).
 * @example
 * ```ts
 * const { features, shape, labels } = loadFeatures('emb.npy', { labelsPath: 'y.npy' });
 * ```
 */
export function loadFeatures(
  path: string,
  options: LoadFeaturesOptions = {},
): FeatureDataset {
  const fn = 'loadFeatures';
  const data = readOne(fn, 'path', path, options);
  if (options.labelsPath === undefined) return data;

  if (data.labels !== undefined) {
    throw new CceError({
      fn,
      argument: 'labelsPath',
      expected: 'to be omitted when labelColumn already gives labels',
      received: formatValue(options.labelsPath),
    });
  }
  const labelFile = readLabelFile(fn, options.labelsPath, options);
  const labels = labelFile.labels;
  if (labels.length !== data.shape[0]) {
    throw new CceError({
      fn,
      argument: 'labelsPath',
      expected: `${data.shape[0]} labels, one per row of ${path}`,
      received: `${labels.length} in ${options.labelsPath}`,
    });
  }
  const result: FeatureDataset = { ...data, labels };
  if (labelFile.labelNames) result.labelNames = labelFile.labelNames;
  return result;
}

/** Reads a label file: `.npy` of integer ids, or a one-column CSV. */
function readLabelFile(
  fn: string,
  path: string,
  options: LoadFeaturesOptions,
): { labels: Int32Array; labelNames?: readonly string[] } {
  if (kind(fn, 'labelsPath', path) !== 'npy') {
    const file = readOne(fn, 'labelsPath', path, options);
    if (file.shape[1] !== 0) {
      throw new CceError({
        fn,
        argument: 'labelsPath',
        expected: 'a file with one label column',
        received: `${file.shape[1] + 1} columns`,
        hint: `In ${path}`,
      });
    }
    return { labels: file.labels!, labelNames: file.labelNames };
  }
  const array = parseNpy(readFileBytes(fn, 'labelsPath', path), { name: path });
  const n = array.shape[0] ?? 0;
  if (array.shape.length < 1 || array.data.length !== n) {
    throw new CceError({
      fn,
      argument: 'labelsPath',
      expected: 'an array of shape [N] or [N, 1]',
      received: `shape [${array.shape.join(', ')}]`,
      hint: `In ${path}`,
    });
  }
  return { labels: toClassIds(fn, array.data, path) };
}
