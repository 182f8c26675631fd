// The runs of E1 (soft-label robustness, `cce train`) and E2 (clustering,
// `cce cluster`) for a profile: one RunSpec per setting and seed.
import type { Profile } from './profiles.js';
import type { RunSpec } from './run-spec.js';

/** Image data sets the experiments use, with the flags that load them. */
export interface ImageDataset {
  name: 'mnist' | 'fashion-mnist';
  args: string[];
}

/** Inputs of the planners. */
export interface PlanInput {
  profile: Profile;
  /** MNIST always; Fashion-MNIST when its files were found. */
  images: ImageDataset[];
  /** `--seeds`: overrides every seed count of the profile. */
  seeds?: number;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** E1: `cce train` with Dirichlet label noise, per regime, loss, η and seed. */
export function planE1({ profile, images, seeds }: PlanInput): RunSpec[] {
  const { e1 } = profile;
  const runs: RunSpec[] = [];
  for (const regime of e1.regimes) {
    for (const data of images) {
      for (const loss of e1.losses) {
        for (const eta of regime.etas ?? e1.etas) {
          for (const seed of range(seeds ?? profile.seeds.e1)) {
            const samples =
              regime.samples === undefined
                ? []
                : ['--samples', String(regime.samples)];
            const evalEvery =
              regime.evalEvery === undefined
                ? []
                : ['--eval-every', String(regime.evalEvery)];
            runs.push({
              id: `${regime.name}-${data.name}-${loss}-eta${eta}-seed${seed}`,
              experiment: 'e1',
              args: [
                'train',
                ...data.args,
                ...samples,
                '--epochs',
                String(regime.epochs),
                ...evalEvery,
                '--loss',
                loss,
                '--label-noise',
                'dirichlet',
                '--eta',
                String(eta),
                ...e1.args,
                '--seed',
                String(seed),
              ],
              group: { regime: regime.name, dataset: data.name, loss, eta },
              seed,
              order: regime.name === 'short' ? 10 : 40,
            });
          }
        }
      }
    }
  }
  return runs;
}

/** E2: `cce cluster` per data set, objective and seed. */
export function planE2({ profile, images, seeds }: PlanInput): RunSpec[] {
  const { e2 } = profile;
  const { samples, epochs } = e2.images;
  const sampleArgs =
    samples === undefined ? [] : ['--samples', String(samples)];
  const imageArgs = [
    ...sampleArgs,
    ...(epochs === undefined ? [] : ['--epochs', String(epochs)]),
  ];
  const datasets = [
    ...e2.synthetic.map((d) => ({
      ...d,
      seeds: seeds ?? profile.seeds.e2Synthetic,
      order: 20,
    })),
    ...images.map((d) => ({
      name: d.name as string,
      args: [...d.args, ...imageArgs],
      seeds:
        seeds ??
        (d.name === 'fashion-mnist'
          ? (profile.seeds.e2Fashion ?? profile.seeds.e2Images)
          : profile.seeds.e2Images),
      order: 30,
    })),
  ];
  const runs: RunSpec[] = [];
  for (const data of datasets) {
    for (const objective of e2.objectives) {
      const lambdas = e2.lambdaObjectives.includes(objective)
        ? [1, ...e2.lambdas.filter((l) => l !== 1)]
        : [1];
      for (const lambda of lambdas) {
        // λ = 1 is the trainer's default: those runs pass no flag.
        const flag = lambda === 1 ? [] : ['--lambda', String(lambda)];
        const suffix = lambda === 1 ? '' : `-lambda${lambda}`;
        for (const seed of range(data.seeds)) {
          runs.push({
            id: `${data.name}-${objective}${suffix}-seed${seed}`,
            experiment: 'e2',
            args: [
              'cluster',
              ...data.args,
              '--objective',
              objective,
              ...flag,
              '--seed',
              String(seed),
            ],
            group: { dataset: data.name, objective, lambda },
            seed,
            order: data.order + (lambda === 1 ? 0 : 5),
          });
        }
      }
    }
  }
  const mnist = images.find((d) => d.name === 'mnist');
  if (e2.long !== undefined && mnist !== undefined) {
    const { objective } = e2.long;
    for (const longEpochs of e2.long.epochs) {
      const longArgs = [
        ...mnist.args,
        ...sampleArgs,
        '--epochs',
        String(longEpochs),
      ];
      for (const seed of range(seeds ?? e2.long.seeds)) {
        runs.push({
          id: `mnist-${objective}-epochs${longEpochs}-seed${seed}`,
          experiment: 'e2',
          args: [
            'cluster',
            ...longArgs,
            '--objective',
            objective,
            '--seed',
            String(seed),
          ],
          // `schedule` keeps these runs out of the main tables
          group: {
            dataset: 'mnist',
            objective,
            lambda: 1,
            schedule: 'long',
            epochs: longEpochs,
          },
          seed,
          order: 50 + longEpochs / 1000,
        });
      }
    }
  }
  return runs;
}
