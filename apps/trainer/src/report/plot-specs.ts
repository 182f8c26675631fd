// Vega-Lite specs of the run report: learning curves, metrics per epoch and
// final cluster sizes. The same specs render in the docs with vega-embed.
import type { EpochRecord } from '../run/epoch-record.js';

type Spec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 420;
const HEIGHT = 200;

/** Loss terms per epoch, one line per term. */
export function lossSpec(history: readonly EpochRecord[]): Spec {
  const values = history.flatMap((r) =>
    Object.entries(r.loss).map(([term, value]) => ({
      epoch: r.epoch,
      term,
      value,
    })),
  );
  return line(values, 'value', 'loss', 'term');
}

/** ACC, NMI and ARI per epoch on train and test. */
export function metricsSpec(history: readonly EpochRecord[]): Spec {
  const values = history.flatMap((r) =>
    (['train', 'test'] as const).flatMap((split) => {
      const m = r[split];
      if (!m) return [];
      return (['acc', 'nmi', 'ari'] as const).map((metric) => ({
        epoch: r.epoch,
        series: `${metric} (${split})`,
        value: m[metric],
      }));
    }),
  );
  return line(values, 'value', 'score', 'series', [0, 1]);
}

/** Mean pseudo-label entropy per epoch. */
export function entropySpec(history: readonly EpochRecord[]): Spec {
  const values = history
    .filter((r) => r.pseudoLabelEntropy !== null)
    .map((r) => ({
      epoch: r.epoch,
      series: 'pseudo-label entropy (nats)',
      value: r.pseudoLabelEntropy,
    }));
  return line(values, 'value', 'entropy', 'series');
}

/** Bar chart of the cluster sizes with the balanced size N/K as a rule. */
export function clusterSizesSpec(sizes: readonly number[]): Spec {
  const total = sizes.reduce((a, b) => a + b, 0);
  const balanced = sizes.length > 0 ? total / sizes.length : 0;
  return {
    $schema: SCHEMA,
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: sizes.map((size, cluster) => ({ cluster, size })) },
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          x: { field: 'cluster', type: 'ordinal', title: 'cluster' },
          y: { field: 'size', type: 'quantitative', title: 'examples' },
        },
      },
      {
        data: { values: [{ balanced }] },
        mark: { type: 'rule', color: '#e45756', strokeDash: [4, 3] },
        encoding: { y: { field: 'balanced', type: 'quantitative' } },
      },
    ],
  };
}

function line(
  values: readonly object[],
  field: string,
  title: string,
  color: string,
  domain?: [number, number],
): Spec {
  return {
    $schema: SCHEMA,
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
      y: {
        field,
        type: 'quantitative',
        title,
        ...(domain ? { scale: { domain } } : {}),
      },
      color: { field: color, type: 'nominal', title: null },
    },
  };
}
