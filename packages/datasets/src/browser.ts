// Public API of @cce/datasets that runs anywhere (browser, workers, Node):
// no Node built-ins. `@cce/datasets` adds the Node file loaders.
export type { Augmentation } from './augment/types.js';
export {
  colorJitter,
  type ColorJitterOptions,
} from './augment/color-jitter.js';
export { composeAugmentations } from './augment/compose-augmentations.js';
export {
  horizontalFlip,
  type HorizontalFlipOptions,
} from './augment/horizontal-flip.js';
export {
  randomAffine,
  type RandomAffineOptions,
} from './augment/random-affine.js';
export { randomCrop, type RandomCropOptions } from './augment/random-crop.js';
export { twoViews } from './augment/two-views.js';
export { type BatchOptions, batchIndices } from './batching/batch-indices.js';
export { type ChannelStats, channelStats } from './batching/channel-stats.js';
export { gatherRows } from './batching/gather-rows.js';
export {
  type Batch,
  type IterateBatchesOptions,
  iterateBatches,
} from './batching/iterate-batches.js';
export {
  MIN_CHANNEL_STD,
  type NormalizeOptions,
  normalizeChannels,
} from './batching/normalize-channels.js';
export {
  type TrainTestSplitOptions,
  trainTestSplit,
} from './batching/train-test-split.js';
export {
  type FeaturesFromNpyOptions,
  featuresFromNpy,
} from './readers/features-from-npy.js';
export {
  type CifarParseOptions,
  parseCifar10,
} from './readers/parse-cifar10.js';
export {
  type Cifar100LabelMode,
  type Cifar100ParseOptions,
  parseCifar100,
} from './readers/parse-cifar100.js';
export {
  type IdxArray,
  type IdxDtype,
  type IdxOptions,
  parseIdx,
} from './readers/parse-idx.js';
export {
  type NpyArray,
  type NpyDtype,
  type NpyOptions,
  parseNpy,
} from './readers/parse-npy.js';
export { parseStl10, type Stl10ParseOptions } from './readers/parse-stl10.js';
export { createRng, type Rng } from './rng/create-rng.js';
export { sampleDirichlet } from './rng/sample-dirichlet.js';
export { sampleGamma } from './rng/sample-gamma.js';
export {
  type DirichletNoiseOptions,
  dirichletNoiseLabels,
} from './soft-labels/dirichlet-noise-labels.js';
export {
  type AsymmetricFlipOptions,
  flipLabelsAsymmetric,
} from './soft-labels/flip-labels-asymmetric.js';
export {
  flipLabelsSymmetric,
  type SymmetricFlipOptions,
} from './soft-labels/flip-labels-symmetric.js';
export { oneHot } from './soft-labels/one-hot.js';
export {
  type SmoothLabelsOptions,
  smoothLabels,
} from './soft-labels/smooth-labels.js';
export { type CirclesOptions, makeCircles } from './synthetic/make-circles.js';
export {
  type GaussianMixture,
  type GaussianMixtureOptions,
  makeGaussianMixture,
} from './synthetic/make-gaussian-mixture.js';
export {
  makeTwoMoons,
  type TwoMoonsOptions,
} from './synthetic/make-two-moons.js';
export type { SyntheticDataset } from './synthetic/types.js';
export type { FeatureDataset, ImageDataset } from './types.js';
