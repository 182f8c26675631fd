// Names → soft-label losses with metadata, so the trainer can pick a loss
// from a config string and the docs can list every loss and its parameters.
import type { Scalar, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { CceError, formatValue } from '@cce/errors';
import { collisionCrossEntropy } from './collision-cross-entropy.js';
import {
  DEFAULT_GCE_Q,
  DEFAULT_SCE_ALPHA,
  DEFAULT_SCE_BETA,
  REVERSE_CE_LOG_FLOOR,
} from './constants.js';
import { generalizedCrossEntropy } from './generalized-cross-entropy.js';
import { klDivergence } from './kl-divergence.js';
import { meanAbsoluteError } from './mean-absolute-error.js';
import { reverseCrossEntropy } from './reverse-cross-entropy.js';
import { softCrossEntropy } from './soft-cross-entropy.js';
import { symmetricCrossEntropy } from './symmetric-cross-entropy.js';
import type { LossOptions } from './types.js';

/** Registry names of the soft-label losses. */
export type LossName =
  | 'collision'
  | 'shannon'
  | 'reverse'
  | 'kl'
  | 'sce'
  | 'gce'
  | 'mae';

/** The registry names, in documentation order. */
export const LOSS_NAMES: readonly LossName[] = [
  'collision',
  'shannon',
  'reverse',
  'kl',
  'sce',
  'gce',
  'mae',
];

/** Options any registered loss accepts: the common ones plus every param. */
export interface RegisteredLossOptions extends LossOptions {
  q?: number;
  alpha?: number;
  beta?: number;
  logFloor?: number;
}

/** A registered loss: `(targets [N, K], logits [N, K], options)`. */
export type RegisteredLoss = (
  targets: Tensor2D,
  logits: Tensor2D,
  options?: RegisteredLossOptions,
) => Scalar | Tensor1D;

/** A numeric parameter of a loss, for config validation and the docs. */
export interface LossParam {
  /** Option key, e.g. `'q'`. */
  name: string;
  /** Value used when the option is left out. */
  default: number;
  /** Allowed values in interval notation, e.g. `'(0, 1]'`. */
  range: string;
  description: string;
}

/** One registry entry: the function and what the docs say about it. */
export interface LossEntry {
  name: LossName;
  /** The public function's name, e.g. `'collisionCrossEntropy'`. */
  functionName: string;
  fn: RegisteredLoss;
  /** One sentence for tables and `--help`. */
  description: string;
  /** Per-example formula in plain text, with σ = softmax(logits). */
  formula: string;
  params: readonly LossParam[];
  /** Where the loss comes from, e.g. `'arXiv:2303.07321'`. */
  reference: string;
}

const LOG_FLOOR_PARAM: LossParam = {
  name: 'logFloor',
  default: REVERSE_CE_LOG_FLOOR,
  range: '(-∞, 0)',
  description: 'Floor A for ln y in the reverse term (ln 0 := A)',
};

/** Every soft-label loss by registry name (frozen). */
export const lossRegistry: Readonly<Record<LossName, LossEntry>> =
  Object.freeze({
    collision: {
      name: 'collision',
      functionName: 'collisionCrossEntropy',
      fn: collisionCrossEntropy,
      description:
        'Collision cross-entropy: uncertain labels teach less; a uniform label teaches nothing',
      formula: 'H2(y, σ) = −ln Σ_k y_k σ_k',
      params: [],
      reference: 'arXiv:2303.07321',
    },
    shannon: {
      name: 'shannon',
      functionName: 'softCrossEntropy',
      fn: softCrossEntropy,
      description:
        'Shannon cross-entropy with soft targets: the model copies the label distribution',
      formula: 'H(y, σ) = −Σ_k y_k ln σ_k',
      params: [],
      reference: 'standard',
    },
    reverse: {
      name: 'reverse',
      functionName: 'reverseCrossEntropy',
      fn: reverseCrossEntropy,
      description:
        'Reverse cross-entropy H(σ, y), bounded and robust to label noise',
      formula: 'H(σ, y) = −Σ_k σ_k max(ln y_k, A)',
      params: [LOG_FLOOR_PARAM],
      reference: 'arXiv:1908.06112',
    },
    kl: {
      name: 'kl',
      functionName: 'klDivergence',
      fn: klDivergence,
      description:
        'KL divergence from the targets to the prediction: Shannon CE minus H(y)',
      formula: 'KL(y ‖ σ) = Σ_k y_k (ln y_k − ln σ_k)',
      params: [],
      reference: 'standard',
    },
    sce: {
      name: 'sce',
      functionName: 'symmetricCrossEntropy',
      fn: symmetricCrossEntropy,
      description:
        'Symmetric cross-entropy: a weighted sum of Shannon and reverse cross-entropy',
      formula: 'α H(y, σ) + β H(σ, y)',
      params: [
        {
          name: 'alpha',
          default: DEFAULT_SCE_ALPHA,
          range: '[0, ∞)',
          description: 'Weight of the Shannon term',
        },
        {
          name: 'beta',
          default: DEFAULT_SCE_BETA,
          range: '[0, ∞)',
          description: 'Weight of the reverse term',
        },
        LOG_FLOOR_PARAM,
      ],
      reference: 'arXiv:1908.06112',
    },
    gce: {
      name: 'gce',
      functionName: 'generalizedCrossEntropy',
      fn: generalizedCrossEntropy,
      description:
        'Generalized cross-entropy: Shannon CE as q → 0, MAE-like at q = 1',
      formula: 'Σ_k y_k (1 − σ_k^q) / q',
      params: [
        {
          name: 'q',
          default: DEFAULT_GCE_Q,
          range: '(0, 1]',
          description: 'Exponent between Shannon CE (q → 0) and MAE (q = 1)',
        },
      ],
      reference: 'arXiv:1805.07836',
    },
    mae: {
      name: 'mae',
      functionName: 'meanAbsoluteError',
      fn: meanAbsoluteError,
      description:
        'Mean absolute error: the ℓ1 distance between targets and prediction',
      formula: '‖y − σ‖₁ = Σ_k |y_k − σ_k|',
      params: [],
      reference: 'arXiv:1712.09482',
    },
  });

/**
 * Looks up a soft-label loss by registry name.
 *
 * Names: `'collision'`, `'shannon'`, `'reverse'`, `'kl'`, `'sce'`, `'gce'`,
 * `'mae'`. The entry's `fn` takes `(targets, logits, options)` like the
 * named function; `params` lists its numeric options with defaults.
 *
 * @param name - a registry name.
 * @returns the registry entry.
 * @throws CceError listing the allowed names when `name` is unknown.
 * @example
 * ```ts
 * const { fn, params } = getLoss('gce');
 * // params[0] is { name: 'q', default: 0.7, ... }
 * fn(targets, logits, { q: 0.5 });
 * ```
 */
export function getLoss(name: string): LossEntry {
  if (!Object.hasOwn(lossRegistry, name)) {
    throw new CceError({
      fn: 'getLoss',
      argument: 'name',
      expected: `one of ${LOSS_NAMES.map((n) => `'${n}'`).join(', ')}`,
      received: formatValue(name),
    });
  }
  return lossRegistry[name as LossName];
}
