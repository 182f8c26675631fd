// The E2 report's "Where methods fall behind k-means" section: for each
// objective whose mean ACC is below k-means on a data set, what its
// clusterings did wrong, read from each run's cluster composition.
import { table } from './markdown.js';
import { fixed } from './report-common.js';
import type { RunRecord } from './run-spec.js';

/** A cluster holding less than this share of the examples counts as empty. */
export const EMPTY_SHARE = 0.01;

/** What went wrong in one clustering. */
export interface ClusteringFaults {
  /** Clusters (of K) with fewer than EMPTY_SHARE of the examples. */
  empty: number;
  /** Classes that are the largest label of no cluster (lost classes). */
  lost: number;
  /** Classes that are the largest label of two or more clusters. */
  split: number;
  /**
   * The best ACC a clustering with `lost` lost classes can reach when the
   * classes are equally large (s examples each): (K − lost) / K. Whatever
   * the matching, a cluster scores at most the count of its own largest
   * class t, and the clusters whose largest class is t together hold at
   * most s of it; only K − lost classes are largest anywhere.
   */
  bound: number;
}

/**
 * Faults of a clustering from counts[cluster][label] (rows may be missing
 * for clusters nobody was assigned to) with `k` clusters and classes.
 */
export function clusteringFaults(
  counts: readonly (readonly number[])[],
  k: number,
): ClusteringFaults {
  const sizes = Array.from({ length: k }, (_, c) =>
    (counts[c] ?? []).reduce((a, b) => a + b, 0),
  );
  const total = sizes.reduce((a, b) => a + b, 0);
  const owned = new Array<number>(k).fill(0);
  let empty = 0;
  sizes.forEach((size, c) => {
    if (size < EMPTY_SHARE * total) empty++;
    if (size === 0) return;
    const row = counts[c]!;
    let top = 0;
    for (let l = 1; l < row.length; l++) if (row[l]! > row[top]!) top = l;
    if (top < k) owned[top]! += 1;
  });
  const lost = owned.filter((n) => n === 0).length;
  return {
    empty,
    lost,
    split: owned.filter((n) => n >= 2).length,
    bound: (k - lost) / k,
  };
}

/** An objective counts as behind k-means when its mean ACC is this much lower. */
export const BEHIND = 0.01;

/** A run whose ACC is this close to (K − lost)/K lost nothing else. */
const AT_BOUND = 0.01;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * "Where methods fall behind k-means": one row per run of each objective
 * whose mean ACC (λ = 1, preset schedule) is below k-means' on its data set.
 */
export function lossLines(runs: readonly RunRecord[]): string[] {
  const main = runs.filter(
    (r) =>
      r.group.schedule === undefined &&
      Number(r.group.lambda ?? 1) === 1 &&
      r.result.acc !== null,
  );
  const datasets = [...new Set(main.map((r) => String(r.group.dataset)))];
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const dataset of datasets) {
    const here = main.filter((r) => r.group.dataset === dataset);
    const kmeans = here.filter((r) => r.group.objective === 'kmeans');
    if (kmeans.length === 0) continue;
    const base = mean(kmeans.map((r) => r.result.acc!));
    const objectives = [...new Set(here.map((r) => String(r.group.objective)))];
    for (const objective of objectives) {
      if (objective === 'kmeans') continue;
      const own = here
        .filter((r) => r.group.objective === objective)
        .sort((a, b) => a.seed - b.seed);
      const acc = mean(own.map((r) => r.result.acc!));
      if (!(acc < base - BEHIND)) continue;
      const faults = own.map((r) =>
        r.composition && r.result.clusters
          ? clusteringFaults(r.composition, r.result.clusters)
          : undefined,
      );
      own.forEach((r, i) => {
        const f = faults[i];
        rows.push([
          dataset,
          objective,
          String(r.seed),
          fixed(r.result.acc, 3),
          f ? String(f.empty) : '–',
          f ? String(f.lost) : '–',
          f ? String(f.split) : '–',
          f ? fixed(f.bound, 3) : '–',
        ]);
      });
      const known = faults.filter((f) => f !== undefined);
      if (known.length === 0) continue;
      const collapsed = known.filter((f) => f.empty > 0).length;
      const splitOnly = known.filter((f) => f.empty === 0 && f.lost > 0).length;
      const atBound = own.filter((r, i) => {
        const f = faults[i];
        return (
          f !== undefined && f.lost > 0 && f.bound - r.result.acc! <= AT_BOUND
        );
      }).length;
      const parts: string[] = [];
      if (collapsed > 0) {
        parts.push(
          `${collapsed} of ${known.length} runs left clusters empty, so the classes they would have held were lost`,
        );
      }
      if (splitOnly > 0) {
        parts.push(
          `${splitOnly} of ${known.length} runs split a class over two clusters while another class had none`,
        );
      }
      if (atBound > 0) {
        parts.push(
          `${atBound} of ${known.length} runs score within ${AT_BOUND} of (K − lost)/K: there, the lost classes are the whole loss`,
        );
      }
      const clean = known.length - collapsed - splitOnly;
      if (clean > 0) {
        parts.push(
          `${clean} of ${known.length} runs give every class a cluster of its own: their errors are examples in the wrong cluster`,
        );
      }
      verdicts.push(
        `${dataset}, ${objective} (ACC ${fixed(acc, 3)} against k-means ${fixed(base, 3)}): ${parts.join('; ')}.`,
      );
    }
  }
  if (rows.length === 0) return [];
  return [
    '## Where methods fall behind k-means',
    '',
    `Runs of each objective whose mean ACC (λ = 1, preset schedule) is more than ${BEHIND * 100} point below k-means' on the same data, with what their clusterings did wrong on the training split: empty clusters (under ${EMPTY_SHARE * 100} % of the examples), lost classes (the largest label of no cluster), split classes (the largest label of two or more clusters), and the ACC bound (K − lost)/K that lost classes leave when the classes are equally large.`,
    '',
    table(
      ['data', 'objective', 'seed', 'ACC', 'empty', 'lost', 'split', 'bound'],
      rows,
    ),
    '',
    ...verdicts.map((v) => `- ${v}`),
    '',
  ];
}
