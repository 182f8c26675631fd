// What each predicted cluster is made of: counts of the true labels per
// cluster on the training split, read from a run's predictions.csv. The E2
// report uses it to say where a clustering goes wrong.

/** counts[cluster][label] over the rows of `split` that carry a label. */
export function readComposition(
  csv: string,
  split = 'train',
): number[][] | undefined {
  const lines = csv.split('\n');
  const header = (lines[0] ?? '').trim().split(',');
  const at = (name: string) => header.indexOf(name);
  const [iSplit, iCluster, iLabel] = [at('split'), at('cluster'), at('label')];
  if (iSplit < 0 || iCluster < 0 || iLabel < 0) return undefined;
  const counts: number[][] = [];
  let labelled = 0;
  let labels = 0;
  for (const line of lines.slice(1)) {
    const cells = line.trim().split(',');
    if (cells[iSplit] !== split || cells[iLabel] === '') continue;
    const cluster = Number(cells[iCluster]);
    const label = Number(cells[iLabel]);
    if (!Number.isInteger(cluster) || !Number.isInteger(label)) continue;
    if (cluster < 0 || label < 0) continue;
    while (counts.length <= cluster) counts.push([]);
    labels = Math.max(labels, label + 1);
    const row = counts[cluster]!;
    row[label] = (row[label] ?? 0) + 1;
    labelled += 1;
  }
  if (labelled === 0) return undefined;
  return counts.map((row) =>
    Array.from({ length: labels }, (_, l) => row[l] ?? 0),
  );
}

/** One impure cluster: its size and its largest labels (count, label). */
export interface MixedCluster {
  cluster: number;
  size: number;
  /** Share of the cluster's largest label. */
  purity: number;
  top: { label: number; count: number }[];
}

/** Clusters whose largest label holds less than `purity` of them. */
export function mixedClusters(
  counts: readonly (readonly number[])[],
  purity = 0.9,
  keep = 3,
): MixedCluster[] {
  const out: MixedCluster[] = [];
  counts.forEach((row, cluster) => {
    const size = row.reduce((a, b) => a + b, 0);
    if (size === 0) return;
    const top = row
      .map((count, label) => ({ label, count }))
      .sort((a, b) => b.count - a.count || a.label - b.label);
    const share = top[0]!.count / size;
    if (share < purity) {
      out.push({
        cluster,
        size,
        purity: share,
        top: top.slice(0, keep).filter((t) => t.count > 0),
      });
    }
  });
  return out;
}
