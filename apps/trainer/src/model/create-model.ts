// Builds the backbone of a run from its settings with @cce/backbones, after
// checking that the data's example shape fits the architecture.
import { type Backbone, createBackbone } from '@cce/backbones';
import { formatShape, isCceError } from '@cce/errors';
import { UsageError, usageError } from '../cli/usage-error.js';
import type { BackboneName } from '../config/fields.js';

/** What {@link createModel} needs from the settings. */
export interface ModelRequest {
  backbone: BackboneName;
  hidden: number[];
  seed: number;
}

/** Smallest image side VGG4 and ResNet-18 accept (four 2× downsamplings). */
const MIN_CONV_SIDE = 16;

/**
 * Checks that examples of `exampleShape` fit `backbone`: vgg4 and resnet18
 * need images `[H, W, C]` with H, W >= 16; linear and mlp take any shape.
 *
 * @throws UsageError naming `--backbone` when they do not.
 */
export function checkModelFit(
  command: string,
  backbone: BackboneName,
  exampleShape: readonly number[],
  datasetName: string,
): void {
  const convolutional = backbone === 'vgg4' || backbone === 'resnet18';
  const fits =
    !convolutional ||
    (exampleShape.length === 3 &&
      exampleShape[0]! >= MIN_CONV_SIDE &&
      exampleShape[1]! >= MIN_CONV_SIDE);
  if (!fits) {
    throw usageError(
      command,
      '--backbone',
      `linear or mlp for ${datasetName} examples of shape ${formatShape(exampleShape)} (${backbone} needs images [H, W, C] with H, W >= ${MIN_CONV_SIDE})`,
      JSON.stringify(backbone),
    );
  }
}

/**
 * Creates the backbone `[N, ...exampleShape]` → `[N, K]` logits.
 *
 * @throws UsageError when the shape does not fit (see
 *   {@link checkModelFit}) or the backbone rejects it.
 */
export function createModel(
  command: string,
  request: ModelRequest,
  exampleShape: readonly number[],
  numClasses: number,
  datasetName: string,
): Backbone {
  const { backbone } = request;
  checkModelFit(command, backbone, exampleShape, datasetName);
  const common = { inputShape: exampleShape, numClasses, seed: request.seed };
  try {
    if (backbone === 'mlp') {
      return createBackbone({
        architecture: 'mlp',
        ...common,
        hiddenUnits: request.hidden,
      });
    }
    return createBackbone({ architecture: backbone, ...common });
  } catch (error) {
    if (isCceError(error)) {
      throw new UsageError(
        `cce ${command}: ${datasetName} examples of shape ${formatShape(exampleShape)} do not fit backbone '${backbone}': ${error.message}`,
      );
    }
    throw error;
  }
}
