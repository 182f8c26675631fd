// Mean ± sample standard deviation of run scores, grouped by settings.

/** Mean, sample standard deviation (n − 1) and count of some values. */
export interface Summary {
  mean: number;
  /** Null for fewer than two values (undefined with n − 1 = 0). */
  std: number | null;
  n: number;
  min: number;
  max: number;
}

/**
 * Mean ± std of `values`; the std divides by n − 1 (seeds are a sample).
 *
 * @throws Error when `values` is empty or holds a non-finite number.
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) {
    throw new Error(
      "summarize: 'values' must hold at least one number, got none",
    );
  }
  const bad = values.find((v) => !Number.isFinite(v));
  if (bad !== undefined) {
    throw new Error(`summarize: 'values' must be finite, got ${bad}`);
  }

  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const squares = values.reduce((a, v) => a + (v - mean) ** 2, 0);

  return {
    mean,
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    n,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** One group of runs: its shared labels and the summary of each metric. */
export interface GroupSummary<M extends string> {
  key: Record<string, string | number>;
  seeds: number[];
  metrics: Record<M, Summary>;
}

/**
 * Groups `rows` by the labels `by` and summarises each metric of `metrics`
 * over each group (null metric values are left out). Groups keep the
 * order of their first row.
 */
export function groupSummaries<M extends string>(
  rows: readonly {
    group: Record<string, string | number>;
    seed: number;
    values: Record<M, number | null>;
  }[],
  by: readonly string[],
  metrics: readonly M[],
): GroupSummary<M>[] {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = JSON.stringify(by.map((b) => row.group[b] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: GroupSummary<M>[] = [];
  for (const members of groups.values()) {
    const first = members[0]!;
    const key = Object.fromEntries(by.map((b) => [b, first.group[b] ?? '']));
    const summaries = {} as Record<M, Summary>;
    for (const metric of metrics) {
      const values = members
        .map((m) => m.values[metric])
        .filter((v): v is number => v !== null);
      if (values.length > 0) summaries[metric] = summarize(values);
    }
    out.push({ key, seeds: members.map((m) => m.seed), metrics: summaries });
  }
  return out;
}

/** `0.912 ± 0.004` (or `0.912` for one value), in the given digits. */
export function formatSummary(s: Summary | undefined, digits = 3): string {
  if (!s) return '–';
  const mean = s.mean.toFixed(digits);
  return s.std === null ? mean : `${mean} ± ${s.std.toFixed(digits)}`;
}

/**
 * `formatSummary` of `s` over `seeds` runs, followed by ` (2 of 3 seeds)`
 * when there are fewer than `expected` (a partly run profile).
 */
export function formatSeeds(
  s: Summary | undefined,
  seeds: number,
  expected: number,
  digits = 3,
): string {
  const text = formatSummary(s, digits);
  return s && seeds < expected
    ? `${text} (${seeds} of ${expected} seeds)`
    : text;
}

/**
 * The entry with the highest mean and the others it does not separate
 * from: those whose mean is below the best by at most the larger of the
 * two standard deviations (a missing std counts as 0). Ties are in order
 * of decreasing mean.
 *
 * @throws Error when `entries` is empty.
 */
export function leaders<T>(
  entries: readonly T[],
  summaryOf: (entry: T) => Summary,
): { best: T; ties: T[] } {
  if (entries.length === 0) {
    throw new Error(
      "leaders: 'entries' must hold at least one entry, got none",
    );
  }
  const sorted = [...entries].sort(
    (a, b) => summaryOf(b).mean - summaryOf(a).mean,
  );
  const best = sorted[0]!;
  const top = summaryOf(best);
  const ties = sorted.slice(1).filter((e) => {
    const s = summaryOf(e);
    return top.mean - s.mean <= Math.max(top.std ?? 0, s.std ?? 0);
  });
  return { best, ties };
}
