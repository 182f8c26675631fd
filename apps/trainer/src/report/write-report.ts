// Writes a run's `report.md` with SVG plots under `plots/`: learning
// curves, metrics per epoch, pseudo-label entropy and cluster sizes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpochRecord } from '../run/epoch-record.js';
import type { RunResult } from '../run/run-result.js';
import { writeFileAtomic } from '../run/write-file-atomic.js';
import {
  clusterSizesSpec,
  entropySpec,
  lossSpec,
  metricsSpec,
} from './plot-specs.js';
import { renderSvg } from './render-svg.js';

/** Inputs of {@link writeReport}. */
export interface ReportInput {
  runDir: string;
  commandLine: string;
  config: object;
  result: RunResult;
  history: readonly EpochRecord[];
}

const fmt = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined ? '–' : x.toFixed(digits);

/** Writes `report.md` and `plots/*.svg`; returns the report's path. */
export async function writeReport(input: ReportInput): Promise<string> {
  const { runDir, result, history } = input;
  const plots = join(runDir, 'plots');
  await mkdir(plots, { recursive: true });

  const figures: string[] = [];
  const add = async (name: string, title: string, spec: object | null) => {
    if (!spec) return;
    await writeFileAtomic(
      join(plots, name),
      await renderSvg(spec as Record<string, unknown>),
    );
    figures.push(`### ${title}\n\n![${title}](plots/${name})\n`);
  };
  if (history.length > 0) {
    await add('loss.svg', 'Loss terms per epoch', lossSpec(history));
    const scored = history.some((r) => r.train || r.test);
    await add(
      'metrics.svg',
      'ACC, NMI and ARI per epoch',
      scored ? metricsSpec(history) : null,
    );
    const labelled = history.some((r) => r.pseudoLabelEntropy !== null);
    await add(
      'entropy.svg',
      'Pseudo-label entropy',
      labelled ? entropySpec(history) : null,
    );
  }
  await add(
    'cluster-sizes.svg',
    'Cluster sizes (training split)',
    clusterSizesSpec(result.clusterSizes),
  );

  const path = join(runDir, 'report.md');
  await writeFileAtomic(path, markdown(input, figures));
  return path;
}

function markdown(input: ReportInput, figures: string[]): string {
  const { result, history, config } = input;
  const lines = [
    `# ${result.command} ${result.dataset} (${result.method})`,
    '',
    '```sh',
    input.commandLine,
    '```',
    '',
    '## Result',
    '',
    '| split | ACC | NMI | ARI | examples |',
    '|---|---|---|---|---|',
    ...(['train', 'test'] as const).map((split) => {
      const m = result[split];
      return `| ${split} | ${fmt(m?.acc)} | ${fmt(m?.nmi)} | ${fmt(m?.ari)} | ${m?.samples ?? '–'} |`;
    }),
    '',
    `K = ${result.clusters}, ${result.epochs} epochs, backbone ${result.backbone ?? '–'}, backend ${result.backend}, seed ${result.seed}, ${result.seconds.toFixed(1)} s.`,
    '',
  ];
  if (history.length > 0) {
    const terms = [...new Set(history.flatMap((r) => Object.keys(r.loss)))];
    lines.push(
      '## Epochs',
      '',
      `| epoch | ${terms.join(' | ')} | ACC train | ACC test | pseudo-label H | EM its | img/s | lr | s |`,
      `|${'---|'.repeat(terms.length + 8)}`,
      ...history.map(
        (r) =>
          `| ${r.epoch} | ${terms.map((t) => fmt(r.loss[t])).join(' | ')} | ${fmt(r.train?.acc)} | ${fmt(r.test?.acc)} | ${fmt(r.pseudoLabelEntropy)} | ${r.emIterations ? r.emIterations.mean.toFixed(1) : '–'} | ${r.imagesPerSecond.toFixed(0)} | ${r.lr.toExponential(2)} | ${r.seconds.toFixed(1)} |`,
      ),
      '',
    );
  }
  lines.push(
    '## Plots',
    '',
    ...figures,
    '## Configuration',
    '',
    '```json',
    JSON.stringify(config, null, 2),
    '```',
    '',
  );
  return lines.join('\n');
}
