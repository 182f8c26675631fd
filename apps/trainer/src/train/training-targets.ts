// The targets of `cce train`: one-hot from the true labels, the same with
// Dirichlet noise (@cce/datasets' dirichletNoiseLabels, experiment E1), or
// soft labels read from a file.
import { resolve } from 'node:path';
import { formatShape } from '@cce/errors';
import { dirichletNoiseLabels, loadFeatures, oneHot } from '@cce/datasets';
import { usageError } from '../cli/usage-error.js';
import type { TrainConfig } from '../config/cluster-config.js';
import type { TrainingData } from '../data/load-data.js';

/** How far a soft-label row may sum from 1 before it is rejected. */
const ROW_SUM_TOLERANCE = 1e-3;

/** Targets `[n, K]` and K. */
export interface Targets {
  targets: Float32Array;
  numClasses: number;
  /** Words for the log line. */
  description: string;
}

/** Builds the training targets the settings ask for. */
export function trainingTargets(
  config: TrainConfig,
  data: TrainingData,
  cwd: string,
): Targets {
  if (config.softLabels !== undefined) {
    return softLabelsFromFile(config.softLabels, data, cwd);
  }
  const labels = data.train.labels;
  const k = data.numClasses;
  if (!labels || k === null) {
    throw usageError(
      'train',
      '--labels',
      'given (or --soft-labels): supervised training needs labels',
      'a data set without labels',
    );
  }
  if (config.labelNoise === 'dirichlet') {
    return {
      targets: dirichletNoiseLabels({
        labels,
        numClasses: k,
        eta: config.eta,
        seed: config.seed,
      }),
      numClasses: k,
      description: `one-hot labels with Dirichlet(1) noise, η=${config.eta}`,
    };
  }
  return {
    targets: oneHot(labels, k),
    numClasses: k,
    description: 'one-hot labels',
  };
}

function softLabelsFromFile(
  path: string,
  data: TrainingData,
  cwd: string,
): Targets {
  const file = loadFeatures(resolve(cwd, path));
  const [n, k] = file.shape;
  if (n < data.train.n || k < 2) {
    throw usageError(
      'train',
      '--soft-labels',
      `a [N, K] array with N >= ${data.train.n} training examples and K >= 2`,
      formatShape(file.shape),
    );
  }
  const targets = file.features.slice(0, data.train.n * k);
  for (let i = 0; i < data.train.n; i++) {
    let sum = 0;
    let negative = false;
    for (let c = 0; c < k; c++) {
      const v = targets[i * k + c]!;
      sum += v;
      if (v < 0) negative = true;
    }
    if (negative || Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw usageError(
        'train',
        '--soft-labels',
        'rows of non-negative numbers summing to 1',
        `row ${i} summing to ${sum.toPrecision(6)}${negative ? ' with a negative entry' : ''}`,
        `In ${path}`,
      );
    }
  }
  return { targets, numClasses: k, description: `soft labels from ${path}` };
}
