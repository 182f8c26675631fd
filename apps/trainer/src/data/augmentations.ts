// The `--augment` strengths as @cce/datasets augmentations: small affine
// jitter for grey digits; crops, flips and colour jitter for colour images.
// Vectors are never augmented.
import {
  type Augmentation,
  colorJitter,
  composeAugmentations,
  horizontalFlip,
  randomAffine,
  randomCrop,
} from '@cce/datasets';
import type { AugmentName } from '../config/fields.js';

/**
 * The augmentation for `strength` on examples of `exampleShape`, or
 * undefined for `'none'` and for vectors.
 */
export function augmentationFor(
  strength: AugmentName,
  exampleShape: readonly number[],
): Augmentation | undefined {
  if (strength === 'none' || exampleShape.length !== 3) return undefined;
  const channels = exampleShape[2]!;
  if (channels === 1) {
    return strength === 'weak'
      ? randomAffine({ rotation: 10, scale: 0.1, translation: 2 })
      : randomAffine({ rotation: 20, scale: 0.2, translation: 3 });
  }
  const padding = Math.max(2, Math.round(exampleShape[0]! / 8));
  return strength === 'weak'
    ? composeAugmentations(randomCrop({ padding }), horizontalFlip())
    : composeAugmentations(
        randomCrop({ padding }),
        horizontalFlip(),
        colorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4 }),
      );
}
