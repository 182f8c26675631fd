// Dense rectangular linear assignment by shortest augmenting paths, the
// Jonker–Volgenant scheme in the form described by Crouse (2016, IEEE TAES).

/** Working arrays of one solve; `u`, `v` are the dual potentials. */
interface SapState {
  cost: Float64Array; // [rows, cols]
  rows: number;
  cols: number;
  u: Float64Array; // [rows]
  v: Float64Array; // [cols]
  colOfRow: Int32Array; // [rows], -1 = free
  rowOfCol: Int32Array; // [cols], -1 = free
  dist: Float64Array; // [cols] shortest reduced distance found so far
  pred: Int32Array; // [cols] row preceding each column on its path
  todo: Int32Array; // [cols] columns not yet settled (first numTodo)
  rowSeen: Uint8Array; // [rows]
  colDone: Uint8Array; // [cols]
}

/**
 * Minimises `Σ_i cost[i, colOfRow[i]]` over one-to-one assignments of all
 * `rows` rows to distinct columns. Requires `rows <= cols`, finite costs.
 *
 * Rows join one at a time: a Dijkstra search over the reduced costs
 * `cost[i, j] − u[i] − v[j] >= 0` finds the cheapest alternating path to a
 * free column, the duals move so reduced costs stay non-negative and are
 * zero along the path, and the path is flipped. Time O(rows² · cols) in the
 * worst case, memory O(rows + cols) besides the cost matrix.
 *
 * @returns the column of each row, `Int32Array(rows)`.
 */
export function solveShortestAugmentingPath(
  cost: Float64Array,
  rows: number,
  cols: number,
): Int32Array {
  const state: SapState = {
    cost,
    rows,
    cols,
    u: new Float64Array(rows),
    v: new Float64Array(cols),
    colOfRow: new Int32Array(rows).fill(-1),
    rowOfCol: new Int32Array(cols).fill(-1),
    dist: new Float64Array(cols),
    pred: new Int32Array(cols),
    todo: new Int32Array(cols),
    rowSeen: new Uint8Array(rows),
    colDone: new Uint8Array(cols),
  };
  reduceRows(state);
  for (let start = 0; start < rows; start++) {
    if (state.colOfRow[start]! >= 0) continue;
    const { sink, reach } = searchPath(state, start);
    updateDuals(state, start, reach);
    augment(state, start, sink);
  }
  return state.colOfRow;
}

/**
 * Warm start: `u[i] = min_j cost[i, j]` (all reduced costs >= 0, `v = 0`
 * keeps free columns optimal for rectangular problems) and each row takes
 * its cheapest column when that column is still free, an edge of reduced
 * cost 0. On clustering tables most rows are settled here.
 */
function reduceRows(s: SapState): void {
  const { cost, cols, u, colOfRow, rowOfCol } = s;
  for (let i = 0; i < s.rows; i++) {
    const base = i * cols;
    let best = 0;
    for (let j = 1; j < cols; j++) {
      if (cost[base + j]! < cost[base + best]!) best = j;
    }
    u[i] = cost[base + best]!;
    if (rowOfCol[best]! < 0) {
      rowOfCol[best] = i;
      colOfRow[i] = best;
    }
  }
}

/** Dijkstra from row `start` until a free column is settled. */
function searchPath(
  s: SapState,
  start: number,
): { sink: number; reach: number } {
  const { cost, cols, u, v, rowOfCol, dist, pred, todo } = s;
  dist.fill(Number.POSITIVE_INFINITY);
  s.rowSeen.fill(0);
  s.colDone.fill(0);
  for (let j = 0; j < cols; j++) todo[j] = cols - 1 - j;
  let numTodo = cols;
  let i = start;
  let reach = 0; // distance of the column settled last
  for (;;) {
    s.rowSeen[i] = 1;
    const base = i * cols;
    const offset = reach - u[i]!;
    let best = Number.POSITIVE_INFINITY;
    let bestAt = -1;
    for (let t = 0; t < numTodo; t++) {
      const j = todo[t]!;
      let dj = dist[j]!;
      const d = offset + cost[base + j]! - v[j]!;
      if (d < dj) {
        dist[j] = d;
        pred[j] = i;
        dj = d;
      }
      if (dj < best) {
        best = dj;
        bestAt = t;
      } else if (dj === best && rowOfCol[j]! < 0) {
        bestAt = t; // among equals a free column ends the search sooner
      }
    }
    reach = best;
    const j = todo[bestAt]!;
    s.colDone[j] = 1;
    todo[bestAt] = todo[--numTodo]!;
    if (rowOfCol[j]! < 0) return { sink: j, reach };
    i = rowOfCol[j]!;
  }
}

/** Moves the duals so the found path is tight and all reduced costs >= 0. */
function updateDuals(s: SapState, start: number, reach: number): void {
  const { u, v, dist, colOfRow, rowSeen, colDone } = s;
  u[start] = u[start]! + reach;
  for (let r = 0; r < s.rows; r++) {
    if (rowSeen[r] && r !== start) u[r] = u[r]! + reach - dist[colOfRow[r]!]!;
  }
  for (let c = 0; c < s.cols; c++) {
    if (colDone[c]) v[c] = v[c]! - (reach - dist[c]!);
  }
}

/** Flips the alternating path ending at column `sink` back to `start`. */
function augment(s: SapState, start: number, sink: number): void {
  const { colOfRow, rowOfCol, pred } = s;
  let j = sink;
  for (;;) {
    const r = pred[j]!;
    rowOfCol[j] = r;
    const previous = colOfRow[r]!;
    colOfRow[r] = j;
    if (r === start) return;
    j = previous;
  }
}
