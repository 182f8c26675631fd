// Two sections of the E2 report about the MNIST target: what longer
// training gives (the `schedule: long` runs) and which digits the
// clusterings mix up (from each run's cluster composition).
import { formatSummary, summarize } from './aggregate.js';
import { mixedClusters } from './composition.js';
import { table } from './markdown.js';
import { fixed } from './report-common.js';
import type { RunRecord } from './run-spec.js';

/** Clusters below this share of their largest label count as mixed. */
export const PURITY = 0.9;

/** Train-set accuracy (evaluation subset) after epoch `e`, if logged. */
const accAt = (r: RunRecord, e: number) =>
  r.history.find((h) => h.epoch === e)?.trainAcc ?? null;

/** "Longer training" section: long runs against the preset run of each seed. */
export function longLines(
  long: readonly RunRecord[],
  main: readonly RunRecord[],
): string[] {
  if (long.length === 0) return [];
  const objective = String(long[0]!.group.objective);
  const epochs = long[0]!.result.epochs;
  const preset = (seed: number) =>
    main.find(
      (r) =>
        r.group.dataset === 'mnist' &&
        r.group.objective === objective &&
        Number(r.group.lambda ?? 1) === 1 &&
        r.seed === seed,
    );
  const marks = [10, 20, 30].filter((e) => e < epochs);
  const sorted = [...long].sort((a, b) => a.seed - b.seed);
  const accs = sorted.map((r) => r.result.acc).filter((a) => a !== null);
  const presetAccs = sorted
    .map((r) => preset(r.seed)?.result.acc)
    .filter((a): a is number => a !== null && a !== undefined);
  return [
    `## Longer training (MNIST, ${objective}, ${epochs} epochs)`,
    '',
    `The same runs as the MNIST ${objective} row, trained ${epochs} epochs instead`,
    "of the preset's (the cosine learning-rate decay spans the whole run).",
    '"ACC after epoch e" is the per-epoch evaluation on the first 10 000',
    'training images; the last columns score all of them.',
    '',
    table(
      [
        'seed',
        'preset run ACC',
        ...marks.map((e) => `ACC after epoch ${e}`),
        `ACC (${epochs} epochs)`,
        'NMI',
        'ARI',
        'test ACC',
        'minutes',
      ],
      sorted.map((r) => [
        String(r.seed),
        fixed(preset(r.seed)?.result.acc, 3),
        ...marks.map((e) => fixed(accAt(r, e), 3)),
        fixed(r.result.acc, 3),
        fixed(r.result.nmi, 3),
        fixed(r.result.ari, 3),
        fixed(r.result.test?.acc, 3),
        (r.result.seconds / 60).toFixed(1),
      ]),
    ),
    '',
    accs.length > 0
      ? `Mean ACC: ${formatSummary(summarize(accs as number[]))} after ${epochs} epochs` +
        (presetAccs.length > 0
          ? ` against ${formatSummary(summarize(presetAccs))} for the preset runs of the same seeds.`
          : '.')
      : '',
    '',
  ];
}

/** "Where the errors are": the mixed clusters of each MNIST run of `objective`. */
export function errorLines(
  runs: readonly RunRecord[],
  objective: string,
): string[] {
  const chosen = runs
    .filter(
      (r) =>
        r.group.dataset === 'mnist' &&
        r.group.objective === objective &&
        Number(r.group.lambda ?? 1) === 1 &&
        r.composition !== undefined,
    )
    .sort((a, b) => a.result.epochs - b.result.epochs || a.seed - b.seed);
  if (chosen.length === 0) return [];
  const pairs = new Map<string, number>();
  const rows = chosen.map((r) => {
    const mixed = mixedClusters(r.composition!, PURITY);
    const seen = new Set<string>();
    for (const m of mixed) {
      const [a, b] = m.top;
      if (b === undefined) continue;
      const key = [a!.label, b.label].sort((x, y) => x - y).join(' and ');
      seen.add(key);
    }
    for (const key of seen) pairs.set(key, (pairs.get(key) ?? 0) + 1);
    return [
      `${r.result.epochs} epochs, seed ${r.seed}`,
      fixed(r.result.acc, 3),
      mixed.length === 0
        ? 'none'
        : mixed
            .map(
              (m) =>
                `cluster ${m.cluster} (${m.size}): ${m.top.map((t) => `${t.count} × ${t.label}`).join(', ')}`,
            )
            .join('; '),
    ];
  });
  const ranked = [...pairs].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  return [
    `## Where the errors are (MNIST, ${objective})`,
    '',
    `Clusters whose largest digit is under ${PURITY * 100} % of them, with their three`,
    'largest digits (count × digit), on the training images of each run:',
    '',
    table(['run', 'ACC', 'mixed clusters'], rows),
    '',
    ranked.length === 0
      ? 'No cluster is mixed.'
      : `Digits that share a mixed cluster, in how many of the ${chosen.length} runs: ${ranked.map(([k, n]) => `${k} (${n})`).join(', ')}.`,
    '',
  ];
}
