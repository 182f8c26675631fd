// Dispatch from an architecture name to its resolve and build functions,
// shared by createBackbone and by checkpoint loading.
import { CceError, formatValue } from '@cce/errors';
import { buildLinear, resolveLinearConfig } from '../create-linear.js';
import { buildMlp, resolveMlpConfig } from '../create-mlp.js';
import { buildResNet18, resolveResNet18Config } from '../create-resnet18.js';
import { buildVgg4, resolveVgg4Config } from '../create-vgg4.js';
import type { Architecture, Backbone, BackboneConfig } from '../types.js';

export const ARCHITECTURES: readonly Architecture[] = [
  'linear',
  'mlp',
  'vgg4',
  'resnet18',
];

/** Checks `options.architecture` and the rest of the options. */
export function resolveConfig(fn: string, options: unknown): BackboneConfig {
  const architecture = (options as { architecture?: unknown } | null)
    ?.architecture;
  switch (architecture) {
    case 'linear':
      return resolveLinearConfig(options);
    case 'mlp':
      return resolveMlpConfig(options);
    case 'vgg4':
      return resolveVgg4Config(options);
    case 'resnet18':
      return resolveResNet18Config(options);
    default:
      throw new CceError({
        fn,
        argument: 'architecture',
        expected: `one of ${ARCHITECTURES.map((a) => `'${a}'`).join(', ')}`,
        received: formatValue(architecture),
      });
  }
}

/** Builds the model of a resolved config; `initialise: false` = zeros. */
export function buildBackbone(
  config: BackboneConfig,
  initialise: boolean,
): Backbone {
  switch (config.architecture) {
    case 'linear':
      return buildLinear(config, initialise);
    case 'mlp':
      return buildMlp(config, initialise);
    case 'vgg4':
      return buildVgg4(config, initialise);
    case 'resnet18':
      return buildResNet18(config, initialise);
  }
}
