// Public API of @cce/backbones: the four networks, generic creation,
// FLOP counts, and checkpoints on disk or in memory.
export { createLinear } from './create-linear.js';
export { createMlp } from './create-mlp.js';
export { createVgg4 } from './create-vgg4.js';
export { createResNet18 } from './create-resnet18.js';
export { createBackbone, type BackboneOptions } from './create-backbone.js';
export {
  countFlops,
  type FlopCount,
  type LayerFlops,
} from './count-flops.js';
export { saveBackbone, type SavedBackbone } from './save-backbone.js';
export { loadBackbone } from './load-backbone.js';
export {
  deserializeBackbone,
  type BackboneExpectation,
  type RestoreOptions,
} from './deserialize-backbone.js';
export type {
  ApplyOptions,
  Architecture,
  Backbone,
  BackboneConfig,
  BackboneManifest,
  BatchNormOptions,
  CommonOptions,
  LinearConfig,
  LinearOptions,
  LogitsAndFeatures,
  MlpConfig,
  MlpOptions,
  NamedVariable,
  ResNet18Config,
  ResNet18Options,
  SerializedBackbone,
  Vgg4Config,
  Vgg4Options,
  WeightEntry,
} from './types.js';
