// Clustering accuracy: the share of examples whose cluster is matched to
// their class by the best one-to-one matching (Hungarian) of the two.

import { CceError } from '@cce/errors';
import { buildContingency, type Contingency } from './internal/contingency.js';
import { solveShortestAugmentingPath } from './internal/shortest-augmenting-path.js';
import type { LabelArray } from './types.js';

/** Result of {@link clusteringAccuracy}. */
export interface ClusteringAccuracy {
  /** Matched examples over `N`, in `[0, 1]`. */
  accuracy: number;
  /** Number of matched examples, `accuracy · N`. */
  numCorrect: number;
  /**
   * Cluster id → class id for `min(Kt, Kp)` matched pairs. With more
   * clusters than classes, the clusters left out are absent: all their
   * examples count as errors.
   */
  mapping: Map<number, number>;
}

/** A connected block of the table may hold at most this many cells. */
const MAX_BLOCK_CELLS = 1 << 26;

/**
 * Clustering accuracy `ACC = max_m (1/N) Σ_i [m(pred_i) = true_i]` over
 * one-to-one maps `m` from clusters to classes.
 *
 * The best `m` solves a linear assignment on the contingency table
 * `n[class, cluster]` (maximising matched counts). The numbers of classes
 * `Kt` and clusters `Kp` may differ: `min(Kt, Kp)` pairs are matched and
 * the examples of unmatched clusters count as errors. The table is split
 * into its connected blocks (classes and clusters linked by a shared
 * example) which are solved separately, so even `N` singleton clusters
 * cost O(N). Ids are arbitrary non-negative integers.
 *
 * Limits: identical partitions give 1; one cluster for all gives the share
 * of the largest class; all singletons against `Kt` classes give `Kt / N`.
 *
 * @param labelsTrue - class ids, `[N]`.
 * @param labelsPred - cluster ids, `[N]`.
 * @returns `accuracy` in `[0, 1]`, `numCorrect` and the `mapping`.
 * @throws CceError naming `labelsTrue` or `labelsPred` for an empty,
 *   non-integer, negative or non-finite label, or mismatched lengths.
 * @remarks Limitation (L-001): a connected block of the table larger than
 *   2^26 cells (e.g. 8192 × 8192 interlinked clusters) throws.
 * @see arXiv:2303.07321, whose clustering experiments report this accuracy
 *   (section not verified).
 *
 * @example
 * ```ts
 * const { accuracy, mapping } = clusteringAccuracy(
 *   [0, 0, 0, 1, 1, 2],
 *   [5, 5, 7, 7, 7, 9],
 * );
 * // accuracy = 5 / 6; mapping: 5 → 0, 7 → 1, 9 → 2
 * ```
 */
export function clusteringAccuracy(
  labelsTrue: LabelArray,
  labelsPred: LabelArray,
): ClusteringAccuracy {
  const fn = 'clusteringAccuracy';
  const table = buildContingency(fn, labelsTrue, labelsPred);
  const kt = table.classIds.length;
  const kp = table.clusterIds.length;

  const classOfCluster = new Int32Array(kp).fill(-1);
  let numCorrect = 0;
  for (const block of connectedBlocks(table)) {
    numCorrect += matchBlock(fn, table, block, classOfCluster);
  }
  completeMatching(classOfCluster, kt);

  const mapping = new Map<number, number>();
  for (let j = 0; j < kp; j++) {
    const i = classOfCluster[j]!;
    if (i >= 0) mapping.set(table.clusterIds[j]!, table.classIds[i]!);
  }
  return { accuracy: numCorrect / table.n, numCorrect, mapping };
}

interface Block {
  classes: number[];
  clusters: number[];
  cells: number[];
}

/** Groups classes, clusters and cells into connected blocks (union-find). */
function connectedBlocks(table: Contingency): Block[] {
  const kt = table.classIds.length;
  const parent = new Int32Array(kt + table.clusterIds.length);
  for (let v = 0; v < parent.length; v++) parent[v] = v;
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[v] !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  const { cellClass, cellCluster } = table;
  for (let c = 0; c < cellClass.length; c++) {
    parent[find(cellClass[c]!)] = find(kt + cellCluster[c]!);
  }

  const blocks = new Map<number, Block>();
  const blockOf = (v: number): Block => {
    const root = find(v);
    let block = blocks.get(root);
    if (!block) {
      block = { classes: [], clusters: [], cells: [] };
      blocks.set(root, block);
    }
    return block;
  };
  for (let v = 0; v < parent.length; v++) {
    if (v < kt) blockOf(v).classes.push(v);
    else blockOf(v).clusters.push(v - kt);
  }
  for (let c = 0; c < cellClass.length; c++) {
    blockOf(cellClass[c]!).cells.push(c);
  }
  return [...blocks.values()];
}

/**
 * Solves one block, records its pairs in `classOfCluster` and returns the
 * matched count. Blocks with one class or one cluster are read off directly.
 */
function matchBlock(
  fn: string,
  table: Contingency,
  block: Block,
  classOfCluster: Int32Array,
): number {
  const { cellClass, cellCluster, cellCount } = table;
  const { classes, clusters, cells } = block;
  if (classes.length === 1 || clusters.length === 1) {
    let best = cells[0]!;
    for (const c of cells) if (cellCount[c]! > cellCount[best]!) best = c;
    classOfCluster[cellCluster[best]!] = cellClass[best]!;
    return cellCount[best]!;
  }
  const r = classes.length;
  const s = clusters.length;
  if (r * s > MAX_BLOCK_CELLS) {
    // LIMITATION(L-001): the assignment is dense per connected block.
    throw new CceError({
      fn,
      argument: 'labelsPred',
      expected: `clusters whose linked block of the table has <= ${MAX_BLOCK_CELLS} cells`,
      received: `a block of ${r} classes × ${s} clusters`,
    });
  }
  return matchDenseBlock(table, block, classOfCluster);
}

function matchDenseBlock(
  table: Contingency,
  block: Block,
  classOfCluster: Int32Array,
): number {
  const { classes, clusters, cells } = block;
  const localClass = new Map(classes.map((v, k) => [v, k]));
  const localCluster = new Map(clusters.map((v, k) => [v, k]));
  // Rows are the smaller side; cost = −count maximises matched examples.
  const byClass = classes.length <= clusters.length;
  const rows = byClass ? classes.length : clusters.length;
  const cols = byClass ? clusters.length : classes.length;
  const cost = new Float64Array(rows * cols); // [rows, cols]
  for (const c of cells) {
    const i = localClass.get(table.cellClass[c]!)!;
    const j = localCluster.get(table.cellCluster[c]!)!;
    cost[byClass ? i * cols + j : j * cols + i] = -table.cellCount[c]!;
  }
  const colOfRow = solveShortestAugmentingPath(cost, rows, cols);
  let matched = 0;
  for (let row = 0; row < rows; row++) {
    const col = colOfRow[row]!;
    matched -= cost[row * cols + col]!;
    const cls = classes[byClass ? row : col]!;
    classOfCluster[clusters[byClass ? col : row]!] = cls;
  }
  return matched;
}

/**
 * Pairs clusters and classes left unmatched by their blocks, in increasing
 * order: they share no example, so this adds nothing to the count but
 * makes the matching one-to-one on `min(Kt, Kp)` pairs.
 */
function completeMatching(classOfCluster: Int32Array, kt: number): void {
  const used = new Uint8Array(kt);
  for (const i of classOfCluster) if (i >= 0) used[i] = 1;
  let next = 0;
  for (let j = 0; j < classOfCluster.length; j++) {
    if (classOfCluster[j]! >= 0) continue;
    while (next < kt && used[next]) next++;
    if (next === kt) return;
    classOfCluster[j] = next;
    used[next] = 1;
  }
}
