// The contingency table of two labelings in sparse form (its non-zero
// cells) with both marginals: every clustering metric here is built on it.

import { CceError } from '@cce/errors';
import type { LabelArray } from '../types.js';
import {
  type EncodedLabels,
  encodeLabels,
  labelCodes,
} from './encode-labels.js';
import { checkLabels, checkSameLength } from './validate.js';

/** Non-zero cells and marginals of the table `n[i, j]`, classes × clusters. */
export interface Contingency {
  /** Number of examples `N`. */
  n: number;
  /** Distinct ids of `labelsTrue` (classes), increasing, `[Kt]`. */
  classIds: Int32Array;
  /** Distinct ids of `labelsPred` (clusters), increasing, `[Kp]`. */
  clusterIds: Int32Array;
  /** Class sizes `a_i`, `[Kt]`. */
  classSizes: Float64Array;
  /** Cluster sizes `b_j`, `[Kp]`. */
  clusterSizes: Float64Array;
  /** Class index of each non-zero cell, `[nnz]`, cells in row-major order. */
  cellClass: Int32Array;
  /** Cluster index of each non-zero cell, `[nnz]`. */
  cellCluster: Int32Array;
  /** Count `n_ij > 0` of each non-zero cell, `[nnz]`. */
  cellCount: Float64Array;
}

/** Tables with at most this many cells are counted densely. */
const DENSE_COUNT_CELLS = 1 << 22;

/**
 * Validates two labelings and builds their contingency table. Small ids
 * are counted in one pass into a table indexed by raw ids (at most
 * min(2^22, max(2^16, 4N)) cells, nothing per example); otherwise ids are
 * remapped and counted densely when `Kt·Kp <= 2^22`, or by sorting the `N`
 * cell keys (memory O(N)), so even all-singleton labelings stay affordable.
 */
export function buildContingency(
  fn: string,
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): Contingency {
  const maxTrue = checkLabels(fn, 'labelsTrue', labelsTrue);
  const maxPred = checkLabels(fn, 'labelsPred', labelsPred);
  checkSameLength(fn, labelsTrue, labelsPred);

  const rawCells = (maxTrue + 1) * (maxPred + 1);
  const n = labelsTrue.length;
  if (rawCells <= Math.min(DENSE_COUNT_CELLS, Math.max(1 << 16, 4 * n))) {
    // Small ids (the usual 0..K−1): one counting pass indexed by raw ids.
    return fromCells(
      labelsTrue.length,
      countByRawIds(labelsTrue, maxTrue, labelsPred, maxPred),
    );
  }
  const truth = encodeLabels(labelsTrue, maxTrue);
  const pred = encodeLabels(labelsPred, maxPred);
  const kt = truth.ids.length;
  const kp = pred.ids.length;
  const cells =
    kt * kp <= DENSE_COUNT_CELLS
      ? countDense(labelsTrue, truth, labelsPred, pred)
      : countSorted(
          fn,
          labelCodes(labelsTrue, truth),
          labelCodes(labelsPred, pred),
          kt,
          kp,
        );
  return fromCells(labelsTrue.length, {
    ...cells,
    classIds: truth.ids,
    clusterIds: pred.ids,
  });
}

/** Adds the marginals to the non-zero cells. */
function fromCells(
  n: number,
  cells: Cells & { classIds: Int32Array; clusterIds: Int32Array },
): Contingency {
  const kt = cells.classIds.length;
  const kp = cells.clusterIds.length;
  const classSizes = new Float64Array(kt);
  const clusterSizes = new Float64Array(kp);
  for (let c = 0; c < cells.count.length; c++) {
    classSizes[cells.row[c]!]! += cells.count[c]!;
    clusterSizes[cells.col[c]!]! += cells.count[c]!;
  }
  return {
    n,
    classIds: cells.classIds,
    clusterIds: cells.clusterIds,
    classSizes,
    clusterSizes,
    cellClass: cells.row,
    cellCluster: cells.col,
    cellCount: cells.count,
  };
}

interface Cells {
  row: Int32Array;
  col: Int32Array;
  count: Float64Array;
}

/**
 * Counts into a table indexed by raw ids, `[maxTrue + 1, maxPred + 1]`, then
 * drops the ids that never occur. One pass over the labels.
 */
function countByRawIds(
  labelsTrue: LabelArray,
  maxTrue: number,
  labelsPred: LabelArray,
  maxPred: number,
): Cells & { classIds: Int32Array; clusterIds: Int32Array } {
  const width = maxPred + 1;
  const raw = new Int32Array((maxTrue + 1) * width); // [maxTrue+1, maxPred+1]
  for (let i = 0; i < labelsTrue.length; i++) {
    raw[labelsTrue[i]! * width + labelsPred[i]!]!++;
  }
  const rowCode = new Int32Array(maxTrue + 1).fill(-1);
  const colCode = new Int32Array(width).fill(-1);
  for (let c = 0; c < raw.length; c++) {
    if (raw[c]) {
      rowCode[Math.floor(c / width)] = 0;
      colCode[c % width] = 0;
    }
  }
  const classIds = presentIds(rowCode);
  const clusterIds = presentIds(colCode);
  const table = new Int32Array(classIds.length * clusterIds.length);
  for (let c = 0; c < raw.length; c++) {
    if (raw[c]) {
      const i = rowCode[Math.floor(c / width)]!;
      table[i * clusterIds.length + colCode[c % width]!] = raw[c]!;
    }
  }
  return { ...nonZeroCells(table, clusterIds.length), classIds, clusterIds };
}

/** Turns `code[id] = 0` marks (−1 = absent) into codes; returns the ids. */
function presentIds(code: Int32Array): Int32Array {
  let k = 0;
  for (let id = 0; id < code.length; id++) if (code[id]! >= 0) code[id] = k++;
  const ids = new Int32Array(k);
  for (let id = 0; id < code.length; id++)
    if (code[id]! >= 0) ids[code[id]!] = id;
  return ids;
}

/** Counts into a dense `[Kt, Kp]` table; O(N) time, O(Kt·Kp) memory. */
function countDense(
  labelsTrue: LabelArray,
  truth: EncodedLabels,
  labelsPred: LabelArray,
  pred: EncodedLabels,
): Cells {
  const kp = pred.ids.length;
  const table = new Int32Array(truth.ids.length * kp); // [Kt, Kp]
  const rowOf = truth.codeOfId;
  const colOf = pred.codeOfId;
  if (rowOf && colOf) {
    // Common case: both id ranges are small; no per-example codes needed.
    for (let i = 0; i < labelsTrue.length; i++) {
      table[rowOf[labelsTrue[i]!]! * kp + colOf[labelsPred[i]!]!]!++;
    }
  } else {
    const rows = labelCodes(labelsTrue, truth);
    const cols = labelCodes(labelsPred, pred);
    for (let i = 0; i < rows.length; i++) table[rows[i]! * kp + cols[i]!]!++;
  }
  return nonZeroCells(table, kp);
}

function nonZeroCells(table: Int32Array, kp: number): Cells {
  let nnz = 0;
  for (let c = 0; c < table.length; c++) if (table[c]) nnz++;
  const cells: Cells = {
    row: new Int32Array(nnz),
    col: new Int32Array(nnz),
    count: new Float64Array(nnz),
  };
  for (let c = 0, k = 0; c < table.length; c++) {
    if (table[c]) {
      cells.row[k] = Math.floor(c / kp);
      cells.col[k] = c % kp;
      cells.count[k++] = table[c]!;
    }
  }
  return cells;
}

/** Counts by sorting the N keys `row·Kp + col`; O(N log N), O(N) memory. */
export function countSorted(
  fn: string,
  rowCodes: Int32Array,
  colCodes: Int32Array,
  kt: number,
  kp: number,
): Cells {
  const n = rowCodes.length;
  // Keys row·Kp + col are exact integers while Kt·Kp <= 2^53, which always
  // holds for N <= 94906265 (Kt, Kp <= N).
  if (kt * kp > Number.MAX_SAFE_INTEGER) {
    throw new CceError({
      fn,
      argument: 'labelsPred',
      expected: 'at most 2^53 table cells (classes × clusters)',
      received: `${kt} × ${kp}`,
    });
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rowCodes[i]! * kp + colCodes[i]!;
  keys.sort();
  let nnz = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) nnz++;
  const cells: Cells = {
    row: new Int32Array(nnz),
    col: new Int32Array(nnz),
    count: new Float64Array(nnz),
  };
  let k = -1;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (i === 0 || key !== keys[i - 1]) {
      k++;
      cells.row[k] = Math.floor(key / kp);
      cells.col[k] = key % kp;
    }
    cells.count[k]!++;
  }
  return cells;
}
