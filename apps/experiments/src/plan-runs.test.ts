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
  it('gives the reduced profile 3 seeds on MNIST and on Fashion-MNIST', () => {
    const runs = planE2({ profile: getProfile('reduced'), images });
    const ids = runs.map((r) => r.id);
    // 6 objectives, collision and reverse with λ ∈ {1, 2, 4, 8}: 12 settings
    const main = ids.filter(
      (id) => id.startsWith('mnist-') && !id.includes('-epochs'),
    );
    expect(main.length).toBe(12 * 3);
    expect(ids.filter((id) => id.startsWith('fashion-mnist-')).length).toBe(
      12 * 3,
    );
    expect(seedsOf(ids, 'mnist-')).toEqual(new Set(['0', '1', '2']));
    expect(seedsOf(ids, 'fashion-mnist-')).toEqual(new Set(['0', '1', '2']));
  });

  it('trains collision 40 and 80 epochs on MNIST, 3 seeds, outside the main groups', () => {
    const runs = planE2({ profile: getProfile('reduced'), images });
    const long = runs.filter((r) => r.group.schedule === 'long');
    expect(long.map((r) => r.id)).toEqual([
      'mnist-collision-epochs40-seed0',
      'mnist-collision-epochs40-seed1',
      'mnist-collision-epochs40-seed2',
      'mnist-collision-epochs80-seed0',
      'mnist-collision-epochs80-seed1',
      'mnist-collision-epochs80-seed2',
    ]);
    const args = long[0]!.args;
    expect(
      args.slice(args.indexOf('--epochs'), args.indexOf('--epochs') + 2),
    ).toEqual(['--epochs', '40']);
    expect(args.filter((a) => a === '--epochs').length).toBe(1);
    expect(args).toContain('20000');
  });

  it('lets --seeds override every data set', () => {
    const runs = planE2({ profile: getProfile('reduced'), images, seeds: 2 });
    const ids = runs.map((r) => r.id);
    expect(seedsOf(ids, 'fashion-mnist-')).toEqual(new Set(['0', '1']));
    expect(seedsOf(ids, 'synthetic-k5-')).toEqual(new Set(['0', '1']));
  });
});

describe('planE1', () => {
  it('runs all five losses at all six noise levels in the reduced short regime, 3 seeds each', () => {
    const runs = planE1({ profile: getProfile('reduced'), images });
    const short = runs.filter((r) => r.group.regime === 'short');
    expect(short.length).toBe(5 * 6 * 2 * 3);
    const long = runs.filter((r) => r.group.regime === 'long');
    expect(new Set(long.map((r) => r.group.eta))).toEqual(
      new Set([0.6, 0.8, 0.9]),
    );
    expect(long.length).toBe(5 * 3 * 2 * 3);
  });

  it('scores every 5th epoch in the full long regime only (the reduced runs keep their commands)', () => {
    const flag = (r: { args: string[] }) => {
      const i = r.args.indexOf('--eval-every');
      return i < 0 ? null : r.args[i + 1];
    };
    const full = planE1({ profile: getProfile('full'), images });
    const long = full.filter((r) => r.group.regime === 'long');
    expect(long.length).toBe(5 * 6 * 2 * 3);
    expect(new Set(long.map(flag))).toEqual(new Set(['5']));
    expect(
      full.filter((r) => r.group.regime === 'short').some((r) => flag(r)),
    ).toBe(false);
    const reduced = planE1({ profile: getProfile('reduced'), images });
    expect(reduced.some((r) => flag(r) !== null)).toBe(false);
  });

  it('gives every loss and noise level seeds 0, 1 and 2, and --seeds overrides them', () => {
    const runs = planE1({ profile: getProfile('reduced'), images });
    const seedsAt = (loss: string, eta: number) =>
      new Set(
        runs
          .filter((r) => r.group.loss === loss && r.group.eta === eta)
          .map((r) => r.seed),
      );
    expect(seedsAt('collision', 0.8)).toEqual(new Set([0, 1, 2]));
    expect(seedsAt('sce', 0)).toEqual(new Set([0, 1, 2]));
    const one = planE1({ profile: getProfile('reduced'), images, seeds: 1 });
    expect(new Set(one.map((r) => r.seed))).toEqual(new Set([0]));
    expect(one.length).toBe(5 * 6 * 2 + 5 * 3 * 2);
  });
});
