import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { createRng } from '../rng/create-rng.js';
import { composeAugmentations } from './compose-augmentations.js';
import { horizontalFlip } from './horizontal-flip.js';
import { randomAffine } from './random-affine.js';
import type { Augmentation } from './types.js';

describe('composeAugmentations', () => {
  it('applies augmentations left to right', () => {
    const addOne: Augmentation = (x) => x.map((v) => v + 1);
    const double: Augmentation = (x) => x.map((v) => 2 * v);
    const x = new Float32Array([1, 2]);
    expect(
      Array.from(
        composeAugmentations(addOne, double)(x, [1, 1, 2, 1], createRng(0)),
      ),
    ).toEqual([4, 6]);
    expect(
      Array.from(
        composeAugmentations(double, addOne)(x, [1, 1, 2, 1], createRng(0)),
      ),
    ).toEqual([3, 5]);
  });

  it('chains the built-in augmentations on a batch without touching the input', () => {
    const x = new Float32Array([1, 2, 3]);
    const both = composeAugmentations(
      randomAffine({ rotation: 0, scale: 0, translation: 0 }),
      horizontalFlip({ probability: 1 }),
    );
    expect(Array.from(both(x, [1, 1, 3, 1], createRng(0)))).toEqual([3, 2, 1]);
    expect(Array.from(x)).toEqual([1, 2, 3]);
    const none = composeAugmentations();
    const copy = none(x, [1, 1, 3, 1], createRng(0));
    expect(copy).not.toBe(x);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
  });

  it('rejects an argument that is not a function', () => {
    expectCceError(
      () =>
        composeAugmentations(horizontalFlip(), 3 as unknown as Augmentation),
      'augmentations[1]',
      'got 3',
    );
  });
});
