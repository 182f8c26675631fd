// Public API of @cce/losses: soft-label losses (collision cross-entropy and
// rivals), clustering criteria, label smoothing and the loss registry.
export { collisionCrossEntropy } from './collision-cross-entropy.js';
export { softCrossEntropy } from './soft-cross-entropy.js';
export {
  reverseCrossEntropy,
  type ReverseCrossEntropyOptions,
} from './reverse-cross-entropy.js';
export { klDivergence } from './kl-divergence.js';
export {
  symmetricCrossEntropy,
  type SymmetricCrossEntropyOptions,
} from './symmetric-cross-entropy.js';
export {
  generalizedCrossEntropy,
  type GeneralizedCrossEntropyOptions,
} from './generalized-cross-entropy.js';
export { meanAbsoluteError } from './mean-absolute-error.js';
export { smoothLabels, type SmoothLabelsOptions } from './smooth-labels.js';
export { decisiveness, type DecisivenessOptions } from './decisiveness.js';
export { fairness } from './fairness.js';
export {
  mutualInformationLoss,
  type MutualInformationOptions,
} from './mutual-information-loss.js';
export { strongFairness } from './strong-fairness.js';
export {
  getLoss,
  LOSS_NAMES,
  lossRegistry,
  type LossEntry,
  type LossName,
  type LossParam,
  type RegisteredLoss,
  type RegisteredLossOptions,
} from './loss-registry.js';
export {
  DEFAULT_GCE_Q,
  DEFAULT_SCE_ALPHA,
  DEFAULT_SCE_BETA,
  LOG_ZERO,
  PROB_FLOOR,
  REVERSE_CE_LOG_FLOOR,
  SIMPLEX_TOLERANCE,
} from './constants.js';
export type {
  BatchOptions,
  LossOptions,
  LossResult,
  Reduction,
} from './types.js';
