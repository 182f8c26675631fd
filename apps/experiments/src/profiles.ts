// The three sizes of the experiments: `full` (what DESIGN.md asks for),
// `reduced` (what fits in a few hours on one core) and `quick` (a smoke
// test of a few minutes that CI runs so the pipeline cannot rot).

/** One training schedule of E1. */
export interface E1Regime {
  name: 'short' | 'long';
  /** First n MNIST training examples (undefined = all 60 000). */
  samples: number | undefined;
  epochs: number;
  /** Noise levels of this regime (default: the profile's). */
  etas?: number[];
  /** `cce train --eval-every`: score every n-th epoch (default: every one). */
  evalEvery?: number;
}

/** One data set of E2. */
export interface E2Dataset {
  /** Name in the reports, e.g. `synthetic-k5`. */
  name: string;
  /** `cce cluster` data flags. */
  args: string[];
}

/** Everything a profile fixes. */
export interface Profile {
  name: 'full' | 'reduced' | 'quick';
  /** Seeds 0…n−1 of each group of runs (`--seeds` sets all three). */
  seeds: {
    e1: number;
    e2Images: number;
    e2Synthetic: number;
    /** Fashion-MNIST's E2 seeds when fewer than e2Images (default: e2Images). */
    e2Fashion?: number;
  };
  e1: {
    losses: string[];
    etas: number[];
    regimes: E1Regime[];
    /** Extra `cce train` flags shared by every E1 run. */
    args: string[];
  };
  e2: {
    objectives: string[];
    /** MNIST-like data sets (image data, trainer presets). */
    images: { samples: number | undefined; epochs: number | undefined };
    synthetic: E2Dataset[];
    /**
     * Extra λ values tried for `lambdaObjectives` (λ = 1, the default, is
     * always run); the report picks one per run by cluster balance.
     */
    lambdas: number[];
    lambdaObjectives: string[];
    /**
     * One objective trained longer on MNIST (same images, λ = 1): does the
     * preset's accuracy still grow after its 10 epochs?
     */
    long?: { objective: string; epochs: number[]; seeds: number };
  };
}

/** Objectives whose fairness weight λ is swept (imsat's λ means another term). */
export const LAMBDA_OBJECTIVES = ['collision', 'reverse'];

export const E1_LOSSES = ['shannon', 'collision', 'gce', 'sce', 'mae'];
export const E1_ETAS = [0, 0.2, 0.4, 0.6, 0.8, 0.9];
export const E2_OBJECTIVES = [
  'kmeans',
  'imsat',
  'sela',
  'forward',
  'reverse',
  'collision',
];

// E1 trains without augmentation (the label noise is the only effect under
// study) and the long regime uses 5000 images, as the independent probe.
const E1_ARGS = ['--augment', 'none'];

const SYNTHETIC: E2Dataset[] = [
  {
    name: 'synthetic-k5',
    args: ['--dataset', 'synthetic', '--clusters', '5', '--samples', '2000'],
  },
  {
    name: 'synthetic-k10',
    args: ['--dataset', 'synthetic', '--clusters', '10', '--samples', '5000'],
  },
];

const FULL: Profile = {
  name: 'full',
  seeds: { e1: 3, e2Images: 3, e2Synthetic: 3 },
  e1: {
    losses: E1_LOSSES,
    etas: E1_ETAS,
    regimes: [
      { name: 'short', samples: undefined, epochs: 10 },
      // Scoring 15 000 images takes ~40 % of an epoch on 5000 images;
      // every 5th epoch still draws the test-accuracy curves.
      { name: 'long', samples: 5000, epochs: 200, evalEvery: 5 },
    ],
    args: E1_ARGS,
  },
  e2: {
    objectives: E2_OBJECTIVES,
    images: { samples: undefined, epochs: undefined },
    synthetic: SYNTHETIC,
    lambdas: [2, 4, 8],
    lambdaObjectives: LAMBDA_OBJECTIVES,
    long: { objective: 'collision', epochs: [40, 80], seeds: 3 },
  },
};

const REDUCED: Profile = {
  name: 'reduced',
  // 3 seeds everywhere; E1's short regime on the first 10 000 training
  // images, E2's MNIST on the first 20 000
  seeds: { e1: 3, e2Images: 3, e2Synthetic: 3 },
  e1: {
    losses: E1_LOSSES,
    etas: E1_ETAS,
    regimes: [
      { name: 'short', samples: 10_000, epochs: 10 },
      // η = 0 is left out: one-hot labels give collision and Shannon CE the
      // same gradient, so the short regime's η = 0 row already shows it.
      { name: 'long', samples: 5000, epochs: 60, etas: [0.6, 0.8, 0.9] },
    ],
    args: E1_ARGS,
  },
  e2: {
    objectives: E2_OBJECTIVES,
    images: { samples: 20_000, epochs: undefined },
    synthetic: SYNTHETIC,
    lambdas: [2, 4, 8],
    lambdaObjectives: LAMBDA_OBJECTIVES,
    long: { objective: 'collision', epochs: [40, 80], seeds: 3 },
  },
};

const QUICK: Profile = {
  name: 'quick',
  seeds: { e1: 1, e2Images: 1, e2Synthetic: 1 },
  e1: {
    losses: E1_LOSSES,
    etas: [0, 0.8],
    regimes: [
      { name: 'short', samples: 1000, epochs: 1 },
      { name: 'long', samples: 1000, epochs: 2 },
    ],
    args: E1_ARGS,
  },
  e2: {
    objectives: E2_OBJECTIVES,
    images: { samples: 1000, epochs: 1 },
    synthetic: SYNTHETIC.map((d) => ({
      name: d.name,
      args: [...d.args.slice(0, -1), '500', '--epochs', '2'],
    })),
    lambdas: [4],
    lambdaObjectives: LAMBDA_OBJECTIVES,
    long: { objective: 'collision', epochs: [2], seeds: 1 },
  },
};

export const PROFILES = { full: FULL, reduced: REDUCED, quick: QUICK };

/** The settings of profile `name`. */
export function getProfile(name: keyof typeof PROFILES): Profile {
  return PROFILES[name];
}
