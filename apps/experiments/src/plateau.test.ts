import { describe, expect, it } from 'vitest';
import { findPlateau } from './plateau.js';

describe('findPlateau', () => {
  it('finds the first epoch within 1% of the total decrease of the end', () => {
    // total decrease 10 − 1 = 9; band 0.09: epochs 4, 5, 6 are within it
    const p = findPlateau([10, 5, 2, 1.05, 1.01, 1]);
    expect(p!.epoch).toBe(4);
    // last tenth of 6 epochs is 1 epoch: (1.01 − 1) / 1
    expect(p!.lastTenthChange).toBeCloseTo(0.01, 12);
  });

  it('puts the plateau at the last epoch when the loss still falls', () => {
    expect(findPlateau([4, 3, 2, 1])!.epoch).toBe(4);
  });

  it('puts the plateau at epoch 1 for a flat curve', () => {
    expect(findPlateau([2, 2, 2])).toEqual({ epoch: 1, lastTenthChange: 0 });
  });

  it('gives null for fewer than two epochs', () => {
    expect(findPlateau([1])).toBeNull();
    expect(findPlateau([])).toBeNull();
  });
});
