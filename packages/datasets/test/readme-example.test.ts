// Runs the README example so it stays correct.
import { describe, expect, it } from 'vitest';
import {
  createRng,
  dirichletNoiseLabels,
  iterateBatches,
  loadMnist,
  randomAffine,
  twoViews,
} from '../src/index.js';

describe('README example', () => {
  it('runs and yields augmented views with indices and soft targets', () => {
    const train = loadMnist({ split: 'train', limit: 1000 });
    const targets = dirichletNoiseLabels({
      labels: train.labels,
      numClasses: 10,
      eta: 0.4,
      seed: 1,
    });
    const rng = createRng(0);
    const augment = randomAffine({ rotation: 15, scale: 0.1, translation: 2 });
    let seen = 0;
    for (const batch of iterateBatches(train.images, train.shape, {
      batchSize: 128,
      seed: 0,
      epoch: 0,
      targets,
    })) {
      const [view1, view2] = twoViews(batch, augment, rng);
      expect(view1.length).toBe(batch.x.length);
      expect(view2.length).toBe(batch.x.length);
      expect(batch.targets!.length).toBe(batch.indices.length * 10);
      // The soft target of row 0 is the stored one of example indices[0].
      const id = batch.indices[0]!;
      expect(Array.from(batch.targets!.subarray(0, 10))).toEqual(
        Array.from(targets.subarray(id * 10, id * 10 + 10)),
      );
      seen += batch.indices.length;
    }
    expect(seen).toBe(1000);
  });
});
