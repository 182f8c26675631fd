// "Choosing among restarts without labels": of the seeds of one setting,
// keep the run whose training objective ended lowest. The rule reads only
// the logged training loss; the report shows the ACC it buys.
import { formatSummary, summarize } from './aggregate.js';
import { table } from './markdown.js';
import { fixed } from './report-common.js';
import type { RunRecord } from './run-spec.js';

/** Sum of the loss terms the trainer logged for the last epoch. */
export function finalLoss(r: RunRecord): number | null {
  const last = r.history.at(-1);
  if (last === undefined) return null;
  const terms = Object.values(last.loss);
  if (terms.length === 0 || !terms.every(Number.isFinite)) return null;
  return terms.reduce((a, b) => a + b, 0);
}

/** One setting's restarts and the one the rule keeps. */
export interface RestartChoice {
  dataset: string;
  objective: string;
  /** Epochs of the runs (the preset's or a longer schedule). */
  epochs: number;
  seeds: number;
  chosen: RunRecord;
  /** ACC of every seed (for the mean ± std column). */
  accs: number[];
}

/**
 * Per (dataset, objective, schedule) at λ = 1 with at least two seeds that
 * logged a loss: the run with the lowest final training loss.
 */
export function chooseRestarts(records: readonly RunRecord[]): RestartChoice[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of records) {
    if (Number(r.group.lambda ?? 1) !== 1 || finalLoss(r) === null) continue;
    const key = [r.group.dataset, r.group.objective, r.result.epochs].join('|');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: RestartChoice[] = [];
  for (const runs of groups.values()) {
    if (runs.length < 2) continue;
    const chosen = runs.reduce((best, r) =>
      finalLoss(r)! < finalLoss(best)! ? r : best,
    );
    out.push({
      dataset: String(chosen.group.dataset),
      objective: String(chosen.group.objective),
      epochs: chosen.result.epochs,
      seeds: runs.length,
      chosen,
      accs: runs
        .map((r) => r.result.acc)
        .filter((a): a is number => a !== null),
    });
  }
  return out;
}

/** The report section for the choices of {@link chooseRestarts}. */
export function restartLines(choices: readonly RestartChoice[]): string[] {
  if (choices.length === 0) return [];
  return [
    '## Choosing among restarts without labels',
    '',
    'Of the seeds of each setting (λ = 1), keep the run whose training',
    'objective (the sum of the loss terms logged for its last epoch) ended',
    'lowest: a rule that reads no label. "Best ACC" says whether it kept',
    'the seed with the highest ACC (labels used only to score the rule).',
    '',
    table(
      [
        'data',
        'objective',
        'epochs',
        'ACC of all seeds',
        'kept seed',
        'its final loss',
        'its ACC',
        'best ACC?',
      ],
      choices.map((c) => {
        const best = Math.max(...c.accs);
        return [
          c.dataset,
          c.objective,
          String(c.epochs),
          c.accs.length > 0 ? formatSummary(summarize(c.accs)) : '–',
          String(c.chosen.seed),
          fixed(finalLoss(c.chosen), 4),
          fixed(c.chosen.result.acc, 3),
          c.chosen.result.acc === best ? 'yes' : 'no',
        ];
      }),
    ),
    '',
  ];
}
