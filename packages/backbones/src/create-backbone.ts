// Creates any backbone from a plain options object with an `architecture`
// field: what a command line or a JSON run configuration produces.
import { buildBackbone, resolveConfig } from './internal/build.js';
import type {
  Backbone,
  LinearOptions,
  MlpOptions,
  ResNet18Options,
  Vgg4Options,
} from './types.js';

/** Options of {@link createBackbone}: one architecture's options, tagged. */
export type BackboneOptions =
  | ({ architecture: 'linear' } & LinearOptions)
  | ({ architecture: 'mlp' } & MlpOptions)
  | ({ architecture: 'vgg4' } & Vgg4Options)
  | ({ architecture: 'resnet18' } & ResNet18Options);

/**
 * Creates the backbone `options.architecture` names, with the same checks
 * and defaults as {@link createLinear}, {@link createMlp},
 * {@link createVgg4} and {@link createResNet18}. A model's `config` is a
 * valid argument, so `createBackbone(model.config)` rebuilds the same
 * initial weights.
 *
 * @throws CceError when `architecture` is not 'linear', 'mlp', 'vgg4' or
 *   'resnet18', or for any option the named create function rejects.
 * @example
 * ```ts
 * const net = createBackbone({
 *   architecture: 'linear',
 *   inputShape: [4],
 *   numClasses: 3,
 *   seed: 0,
 * });
 * net.numParams; // 15
 * ```
 */
export function createBackbone(options: BackboneOptions): Backbone {
  return buildBackbone(resolveConfig('createBackbone', options), true);
}
