import { describe, expect, it } from 'vitest';
import { planE1, planE2 } from './plan-runs.js';
import { getProfile } from './profiles.js';

const images = [
  { name: 'mnist' as const, args: ['--dataset', 'mnist'] },
  { name: 'fashion-mnist' as const, args: ['--dataset', 'fashion-mnist'] },
];

const seedsOf = (ids: string[], prefix: string) =>
  new Set(
    ids.filter((id) => id.startsWith(prefix)).map((id) => id.split('-seed')[1]),
  );

describe('planE2', () => {
  it('gives the reduced profile 3 MNIST seeds and 1 Fashion-MNIST seed', () => {
    const runs = planE2({ profile: getProfile('reduced'), images });
    const ids = runs.map((r) => r.id);
    // 6 objectives, collision and reverse with λ ∈ {1, 2, 4, 8}: 12 settings
    expect(ids.filter((id) => id.startsWith('mnist-')).length).toBe(12 * 3);
    expect(ids.filter((id) => id.startsWith('fashion-mnist-')).length).toBe(12);
    expect(seedsOf(ids, 'mnist-')).toEqual(new Set(['0', '1', '2']));
    expect(seedsOf(ids, 'fashion-mnist-')).toEqual(new Set(['0']));
  });

  it('lets --seeds override every data set', () => {
    const runs = planE2({ profile: getProfile('reduced'), images, seeds: 2 });
    const ids = runs.map((r) => r.id);
    expect(seedsOf(ids, 'fashion-mnist-')).toEqual(new Set(['0', '1']));
    expect(seedsOf(ids, 'synthetic-k5-')).toEqual(new Set(['0', '1']));
  });
});

describe('planE1', () => {
  it('runs all five losses at all six noise levels in the reduced short regime', () => {
    const runs = planE1({ profile: getProfile('reduced'), images });
    const short = runs.filter((r) => r.group.regime === 'short');
    expect(short.length).toBe(5 * 6 * 2);
    const long = runs.filter((r) => r.group.regime === 'long');
    expect(new Set(long.map((r) => r.group.eta))).toEqual(
      new Set([0.6, 0.8, 0.9]),
    );
  });
});
