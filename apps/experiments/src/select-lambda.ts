// The label-free choice of λ in E2: for each data set, objective and
// seed, the λ whose predicted clusters are the most balanced (smallest
// over largest cluster on the training split; ties go to the smaller λ).
// It uses the same prior as the fairness term itself (clusters of similar
// size) and never looks at a label.
import { type Summary, summarize } from './aggregate.js';
import type { RunRecord } from './run-spec.js';

/** Smallest over largest cluster (training split); 0 if one is empty. */
export function clusterBalance(sizes: readonly number[]): number | null {
  if (sizes.length === 0) return null;
  const max = Math.max(...sizes);
  return max > 0 ? Math.min(...sizes) / max : null;
}

/** The chosen runs of one (data set, objective). */
export interface LambdaChoice {
  dataset: string;
  objective: string;
  /** λ values that were tried. */
  tried: number[];
  chosen: { seed: number; lambda: number; balance: number }[];
  acc: Summary;
  nmi: Summary;
  ari: Summary;
}

/**
 * Picks λ per (data set, objective, seed) among `records` by balance;
 * only objectives run with more than one λ are returned.
 */
export function selectLambda(records: readonly RunRecord[]): LambdaChoice[] {
  const byKey = new Map<string, RunRecord[]>();
  for (const r of records) {
    const key = `${r.group.dataset}|${r.group.objective}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out: LambdaChoice[] = [];
  for (const [key, runs] of byKey) {
    const tried = [...new Set(runs.map((r) => Number(r.group.lambda ?? 1)))];
    if (tried.length < 2) continue;
    const seeds = [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b);
    const picks = seeds.map((seed) =>
      pick(runs.filter((r) => r.seed === seed)),
    );
    const [dataset = '', objective = ''] = key.split('|');
    const score = (f: (r: RunRecord) => number | null) =>
      summarize(picks.map((p) => f(p) ?? 0));
    out.push({
      dataset,
      objective,
      tried: tried.sort((a, b) => a - b),
      chosen: picks.map((p) => ({
        seed: p.seed,
        lambda: Number(p.group.lambda ?? 1),
        balance: clusterBalance(p.result.clusterSizes) ?? 0,
      })),
      acc: score((r) => r.result.acc),
      nmi: score((r) => r.result.nmi),
      ari: score((r) => r.result.ari),
    });
  }
  return out;
}

function pick(runs: readonly RunRecord[]): RunRecord {
  const sorted = [...runs].sort(
    (a, b) => Number(a.group.lambda ?? 1) - Number(b.group.lambda ?? 1),
  );
  let best = sorted[0]!;
  for (const r of sorted) {
    const balance = clusterBalance(r.result.clusterSizes) ?? 0;
    if (balance > (clusterBalance(best.result.clusterSizes) ?? 0)) best = r;
  }
  return best;
}
