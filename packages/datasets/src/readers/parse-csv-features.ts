// CSV feature matrices with an optional label column, parsed by csv-parse
// (sync API, Node); every feature must be a finite number.
import { CceError, formatValue } from '@cce/errors';
// LIMITATION(L-002): csv-parse's sync API uses Node's Buffer, so CSV parsing
// is only in the Node entry, not in `@cce/datasets/browser`.
import { CsvError, parse } from 'csv-parse/sync';
import type { FeatureDataset } from '../types.js';

/** Options of {@link parseCsvFeatures}. */
export interface CsvFeatureOptions {
  /** File name used in error messages; default `'CSV data'`. */
  name?: string;
  /** Field delimiter; default `','`. */
  delimiter?: string;
  /**
   * Whether the first row names the columns. `'auto'` (default): it does
   * when one of its fields outside the label column is not a number, or
   * when `labelColumn` is a name.
   */
  header?: boolean | 'auto';
  /**
   * The label column: an index (negative counts from the end, `-1` is the
   * last column) or a header name. Omit when there are no labels.
   */
  labelColumn?: number | string;
}

interface CsvRow {
  record: string[];
  info: { lines: number };
}

/**
 * Parses a CSV (or TSV with `delimiter: '\t'`) feature matrix. Empty lines
 * and lines starting with `#` are skipped; every row must have the same
 * number of fields.
 *
 * Labels: when every label field is an integer, those integers (>= 0) are
 * the class ids; otherwise the distinct strings, sorted, are numbered from
 * 0 and returned as `labelNames`.
 *
 * @param text - the file content.
 * @param options - `name`, `delimiter`, `header`, `labelColumn`.
 * @returns `{ features: Float32Array [N, D], shape, labels?, labelNames?,
 *   columnNames? }`.
 * @throws CceError on malformed CSV (naming the line), a feature field that
 *   is empty or not a finite number (naming the line and column), a negative
 *   integer label, or a `labelColumn` that names no column.
 * @example
 * ```ts
 * const csv = 'x,y,class\n0.5,1,cat\n2,3.5,dog\n';
 * const { features, labels, labelNames } =
 *   parseCsvFeatures(csv, { labelColumn: 'class' });
 * Array.from(features); // [0.5, 1, 2, 3.5]
 * Array.from(labels!); // [0, 1]; labelNames is ['cat', 'dog']
 * ```
 */
export function parseCsvFeatures(
  text: string,
  options: CsvFeatureOptions = {},
): FeatureDataset {
  const fn = 'parseCsvFeatures';
  const name = options.name ?? 'CSV data';
  const rows = parseRows(fn, text, name, options.delimiter ?? ',');
  const width = rows[0]?.record.length ?? 0;
  const hasHeader = detectHeader(
    rows[0],
    options.header ?? 'auto',
    options.labelColumn,
  );
  const columnNames = hasHeader ? rows[0]!.record : undefined;
  const labelIndex = resolveLabelColumn(
    fn,
    options.labelColumn,
    width,
    columnNames,
  );
  const body = hasHeader ? rows.slice(1) : rows;

  const d = labelIndex === undefined ? width : width - 1;
  const features = new Float32Array(body.length * d);
  body.forEach((row, i) => {
    let j = 0;
    row.record.forEach((field, c) => {
      if (c === labelIndex) return;
      features[i * d + j++] = parseFeature(fn, field, row, c, name);
    });
  });
  const result: FeatureDataset = { features, shape: [body.length, d] };
  if (columnNames !== undefined) {
    result.columnNames = columnNames.filter((_, c) => c !== labelIndex);
  }
  if (labelIndex !== undefined) {
    Object.assign(result, parseLabels(fn, body, labelIndex, name));
  }
  return result;
}

function parseRows(
  fn: string,
  text: string,
  name: string,
  delimiter: string,
): CsvRow[] {
  if (typeof text !== 'string') {
    throw new CceError({
      fn,
      argument: 'text',
      expected: 'a string',
      received: formatValue(text),
    });
  }
  try {
    return parse(text, {
      delimiter,
      comment: '#',
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as CsvRow[];
  } catch (error) {
    const line =
      error instanceof CsvError
        ? (error as { lines?: number }).lines
        : undefined;
    throw new CceError({
      fn,
      argument: 'text',
      expected: 'well-formed CSV with the same number of fields on every row',
      received: (error as Error).message,
      hint: line === undefined ? `In ${name}` : `At line ${line} of ${name}`,
    });
  }
}

function isNumber(field: string): boolean {
  return field.length > 0 && Number.isFinite(Number(field));
}

function detectHeader(
  first: CsvRow | undefined,
  header: boolean | 'auto',
  labelColumn: number | string | undefined,
): boolean {
  if (header !== 'auto') return header;
  if (typeof labelColumn === 'string') return true; // names need a header
  if (first === undefined) return false;
  // A header when a field outside the label column is not a number.
  const width = first.record.length;
  const skip =
    labelColumn === undefined
      ? -1
      : labelColumn < 0
        ? width + labelColumn
        : labelColumn;
  return first.record.some((f, c) => c !== skip && !isNumber(f));
}

function resolveLabelColumn(
  fn: string,
  column: number | string | undefined,
  width: number,
  columnNames: string[] | undefined,
): number | undefined {
  if (column === undefined) return undefined;
  if (typeof column === 'string') {
    const index = columnNames?.indexOf(column) ?? -1;
    if (index >= 0) return index;
    throw new CceError({
      fn,
      argument: 'labelColumn',
      expected: columnNames
        ? `one of the header names ${JSON.stringify(columnNames)}`
        : 'a column index (the data has no header row)',
      received: formatValue(column),
    });
  }
  const index = column < 0 ? width + column : column;
  if (!Number.isInteger(column) || index < 0 || index >= width) {
    throw new CceError({
      fn,
      argument: 'labelColumn',
      expected: `a column index in [${-width}, ${width})`,
      received: formatValue(column),
    });
  }
  return index;
}

function parseFeature(
  fn: string,
  field: string,
  row: CsvRow,
  column: number,
  name: string,
): number {
  const v = field.length === 0 ? Number.NaN : Number(field);
  if (!Number.isFinite(v)) {
    throw new CceError({
      fn,
      argument: 'text',
      expected: 'a finite number in every feature field',
      received: `${JSON.stringify(field)} in column ${column}`,
      hint: `At line ${row.info.lines} of ${name}`,
    });
  }
  return v;
}

function parseLabels(
  fn: string,
  body: CsvRow[],
  labelIndex: number,
  name: string,
): { labels: Int32Array; labelNames?: string[] } {
  const fields = body.map((row) => row.record[labelIndex]!);
  const labels = new Int32Array(body.length);
  if (fields.every((f) => /^[+-]?\d+$/.test(f))) {
    fields.forEach((f, i) => {
      const v = Number(f);
      if (v < 0 || v > 2147483647) {
        throw new CceError({
          fn,
          argument: 'text',
          expected: 'integer labels in [0, 2^31)',
          received: f,
          hint: `At line ${body[i]!.info.lines} of ${name}`,
        });
      }
      labels[i] = v;
    });
    return { labels };
  }
  const labelNames = [...new Set(fields)].sort();
  const ids = new Map(labelNames.map((n, k) => [n, k]));
  fields.forEach((f, i) => {
    labels[i] = ids.get(f)!;
  });
  return { labels, labelNames };
}
