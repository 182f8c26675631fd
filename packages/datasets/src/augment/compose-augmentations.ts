// Chains augmentations into one: each is applied to the previous output.
import { CceError, formatValue } from '@cce/errors';
import type { Rng } from '../rng/create-rng.js';
import type { Augmentation } from './types.js';

/**
 * Composes augmentations left to right: `compose(a, b)` applies a, then b,
 * drawing from the same generator. With no arguments it returns a copy.
 *
 * @param augmentations - functions made by `randomCrop`, `horizontalFlip`,
 *   `randomAffine`, `colorJitter`, or your own {@link Augmentation}.
 * @returns one {@link Augmentation}.
 * @throws CceError when an argument is not a function.
 * @example
 * ```ts
 * const cifar = composeAugmentations(randomCrop({ padding: 4 }), horizontalFlip());
 * const view = cifar(batch.x, batch.shape, createRng(0));
 * ```
 */
export function composeAugmentations(
  ...augmentations: Augmentation[]
): Augmentation {
  augmentations.forEach((a, i) => {
    if (typeof a !== 'function') {
      throw new CceError({
        fn: 'composeAugmentations',
        argument: `augmentations[${i}]`,
        expected: 'an augmentation function',
        received: formatValue(a),
      });
    }
  });
  return (images: Float32Array, shape: readonly number[], rng: Rng) => {
    let x: Float32Array = images.slice();
    for (const augment of augmentations) x = augment(x, shape, rng);
    return x;
  };
}
