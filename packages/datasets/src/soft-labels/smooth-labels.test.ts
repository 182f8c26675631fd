import { describe, expect, it } from 'vitest';
import { expectCceError } from '../../test/helpers.js';
import { smoothLabels } from './smooth-labels.js';

describe('smoothLabels', () => {
  it('gives 1 − ε + ε/K to the true class and ε/K elsewhere (documented example)', () => {
    const y = smoothLabels({
      labels: new Int32Array([0]),
      numClasses: 4,
      epsilon: 0.2,
    });
    expect(y.length).toBe(4);
    const want = [0.85, 0.05, 0.05, 0.05];
    for (let k = 0; k < 4; k++) expect(y[k]).toBeCloseTo(want[k]!, 7);
  });

  it('gives one-hot rows at ε = 0 and uniform rows at ε = 1', () => {
    const labels = new Int32Array([2, 0]);
    expect(
      Array.from(smoothLabels({ labels, numClasses: 3, epsilon: 0 })),
    ).toEqual([0, 0, 1, 1, 0, 0]);
    const u = smoothLabels({ labels, numClasses: 3, epsilon: 1 });
    for (const v of u) expect(v).toBeCloseTo(1 / 3, 7);
  });

  it('rejects ε outside [0, 1] and out-of-range labels', () => {
    expectCceError(
      () =>
        smoothLabels({
          labels: new Int32Array([0]),
          numClasses: 2,
          epsilon: -0.1,
        }),
      'epsilon',
    );
    expectCceError(
      () =>
        smoothLabels({
          labels: new Int32Array([-1]),
          numClasses: 2,
          epsilon: 0.1,
        }),
      'labels',
    );
  });
});
