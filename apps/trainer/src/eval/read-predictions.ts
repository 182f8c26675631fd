// Reads a predictions CSV (as `cce cluster` writes it, or any CSV with a
// `cluster` or `prediction` column) and an optional truth file, grouped by
// the `split` column when there is one.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { usageError } from '../cli/usage-error.js';
import { errorCode } from '../config/resolve-config.js';

/** Predicted ids and, when known, true ids of one split. */
export interface PredictedSplit {
  split: string;
  predicted: Int32Array;
  truth: Int32Array | null;
}

const PREDICTION_COLUMNS = ['cluster', 'prediction', 'pred', 'predicted'];
const TRUTH_COLUMNS = ['label', 'truth', 'true', 'target', 'class'];

/** Reads a file as text, or throws a UsageError naming the flag. */
export async function readTextFile(
  command: string,
  flag: string,
  path: string,
): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(
      command,
      flag,
      'a readable file',
      `${JSON.stringify(path)} (${errorCode(error)})`,
    );
  }
}

function parseId(
  flag: string,
  text: string | undefined,
  file: string,
  line: number,
  optional: boolean,
): number | null {
  const value = (text ?? '').trim();
  if (value === '' && optional) return null;
  if (!/^\d+$/.test(value)) {
    throw usageError(
      'eval',
      flag,
      'integer ids >= 0',
      JSON.stringify(value),
      `In ${file}, line ${line}`,
    );
  }
  return Number(value);
}

/**
 * Parses predictions CSV text with a header row.
 *
 * @throws UsageError when no prediction column exists or an id is not an
 *   integer >= 0 (naming file and line).
 */
export function parsePredictions(text: string, file: string): PredictedSplit[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const p = header.findIndex((h) => PREDICTION_COLUMNS.includes(h));
  if (p < 0) {
    throw usageError(
      'eval',
      '--predictions',
      `a CSV with a header naming a column ${PREDICTION_COLUMNS.join(' or ')}`,
      `columns ${JSON.stringify(header.join(','))}`,
      `In ${file}`,
    );
  }
  const t = header.findIndex((h) => TRUTH_COLUMNS.includes(h));
  const s = header.indexOf('split');
  const groups = new Map<
    string,
    { pred: number[]; truth: (number | null)[] }
  >();
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    const split = s >= 0 ? (cells[s] ?? '').trim() : 'all';
    const group = groups.get(split) ?? { pred: [], truth: [] };
    groups.set(split, group);
    group.pred.push(parseId('--predictions', cells[p], file, i + 2, false)!);
    group.truth.push(
      t >= 0 ? parseId('--predictions', cells[t], file, i + 2, true) : null,
    );
  });
  return [...groups].map(([split, g]) => ({
    split,
    predicted: Int32Array.from(g.pred),
    truth: g.truth.every((x) => x !== null)
      ? Int32Array.from(g.truth as number[])
      : null,
  }));
}

/**
 * Parses a truth file: a CSV with a truth column, or one integer per line.
 */
export function parseTruth(text: string, file: string): Int32Array {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const column = header.findIndex((h) => TRUTH_COLUMNS.includes(h));
  const rows = column >= 0 ? lines.slice(1) : lines;
  const index = Math.max(column, 0);
  const offset = column >= 0 ? 2 : 1;
  return Int32Array.from(
    rows.map(
      (line, i) =>
        parseId(
          '--truth',
          line.split(',')[index],
          basename(file),
          i + offset,
          false,
        )!,
    ),
  );
}
