// The settings of every `cce` command in one table: config key, flag,
// validation (zod), the phrase error messages use and the help text. The
// commander options, the zod schemas and the JSON schema all come from it.
import { LOSS_NAMES, type LossName } from '@cce/losses';
import { z } from 'zod';

/** How a flag's text becomes a value before the schema checks it. */
export type FieldKind =
  | 'int'
  | 'number'
  | 'string'
  | 'path'
  | 'enum'
  | 'bool'
  | 'int-list';

/** One setting: a key of the config file and its command-line flag. */
export interface Field {
  /** camelCase key in `run.json` and in the resolved config. */
  key: string;
  /** Flag with its value placeholder, e.g. `'--clusters <K>'`. */
  flag: string;
  kind: FieldKind;
  /** Validation of the value (without optionality). */
  schema: z.ZodType;
  /** Phrase after "must be" in error messages. */
  expected: string;
  /** Help text (the default is appended from `defaultText`). */
  description: string;
  /** Shown as "(default: …)"; omitted when there is none. */
  defaultText?: string;
  /** Allowed values of an enum field, listed in the help. */
  choices?: readonly string[];
}

/** Data sets `--dataset` accepts. */
export const DATASETS = [
  'mnist',
  'fashion-mnist',
  'cifar10',
  'cifar100-20',
  'stl10',
  'synthetic',
  'features',
] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Clustering methods `--objective` accepts. */
export const OBJECTIVES = [
  'collision',
  'reverse',
  'forward',
  'sela',
  'imsat',
  'kmeans',
] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Architectures `--backbone` accepts (those of @cce/backbones). */
export const BACKBONES = ['linear', 'mlp', 'vgg4', 'resnet18'] as const;
export type BackboneName = (typeof BACKBONES)[number];

/** Backends `--backend` accepts (those of @cce/runtime). */
export const BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** Augmentation strengths `--augment` accepts. */
export const AUGMENTS = ['none', 'weak', 'strong'] as const;
export type AugmentName = (typeof AUGMENTS)[number];

/** Optimisers `--optimizer` accepts. */
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** The learning rate of `--optimizer sgd` when `--lr` is not given. */
export const SGD_DEFAULT_LR = 0.1;

/** Label noise `--label-noise` accepts. */
export const LABEL_NOISES = ['none', 'dirichlet'] as const;
export type LabelNoiseName = (typeof LABEL_NOISES)[number];

/** Losses `cce train --loss` accepts: the registry of @cce/losses. */
export const TRAIN_LOSSES = LOSS_NAMES as readonly [LossName, ...LossName[]];
export type TrainLoss = LossName;

/** Splits `cce eval --split` accepts. */
export const SPLITS = ['train', 'test', 'all'] as const;
export type SplitName = (typeof SPLITS)[number];

/** Marks a default that depends on the data set (see presets.ts). */
export const PRESET = 'preset';

const quoted = (values: readonly string[]) =>
  values.map((v) => `'${v}'`).join(', ');

function enumField(
  key: string,
  flag: string,
  values: readonly [string, ...string[]],
  description: string,
  defaultText?: string,
): Field {
  return {
    key,
    flag,
    kind: 'enum',
    schema: z.enum(values),
    expected: `one of ${quoted(values)}`,
    description,
    defaultText,
    choices: values,
  };
}

const int = (min: number) => z.int().min(min);

/** Where the data comes from (cluster, train, eval). */
export const DATA_FIELDS: readonly Field[] = [
  enumField(
    'dataset',
    '--dataset <name>',
    DATASETS,
    "data set; mnist is embedded, fashion-mnist, cifar10, cifar100-20 and stl10 are read from --data-dir (fashion-mnist also from Debian's dataset-fashion-mnist package when installed), features reads --features, synthetic draws a Gaussian mixture (8 dimensions, means 6σ apart)",
    'mnist',
  ),
  {
    key: 'dataDir',
    flag: '--data-dir <dir>',
    kind: 'path',
    schema: z.string().min(1),
    expected: 'a folder path',
    description:
      'folder holding the downloaded files of cifar10, cifar100-20 or stl10',
  },
  {
    key: 'features',
    flag: '--features <file>',
    kind: 'path',
    schema: z.string().min(1),
    expected: 'a .npy or .csv file path',
    description:
      'feature vectors [N, d] as .npy or .csv (one row per example) for --dataset features',
  },
  {
    key: 'labels',
    flag: '--labels <file>',
    kind: 'path',
    schema: z.string().min(1),
    expected: 'a .npy, .csv or .txt file path',
    description:
      'true class ids for --dataset features (one integer per row), used only for evaluation',
  },
  {
    key: 'samples',
    flag: '--samples <n>',
    kind: 'int',
    schema: int(1),
    expected: 'an integer >= 1',
    description:
      'synthetic: number of points to draw; other data sets: use only the first n training examples',
    defaultText: 'synthetic 2000, otherwise all',
  },
];

/** The network and its optimiser (cluster, train). */
export const MODEL_FIELDS: readonly Field[] = [
  enumField(
    'backbone',
    '--backbone <name>',
    BACKBONES,
    'network; vgg4 and resnet18 need images [H, W, C]',
    'mlp',
  ),
  {
    key: 'hidden',
    flag: '--hidden <widths>',
    kind: 'int-list',
    schema: z.array(int(1)).min(1),
    expected: 'a comma-separated list of integers >= 1',
    description: 'hidden layer widths of the mlp backbone, e.g. 512,512',
    defaultText: PRESET,
  },
  {
    key: 'epochs',
    flag: '--epochs <n>',
    kind: 'int',
    schema: int(1),
    expected: 'an integer >= 1',
    description: 'passes over the training data',
    defaultText: PRESET,
  },
  {
    key: 'batchSize',
    flag: '--batch-size <n>',
    kind: 'int',
    schema: int(2),
    expected: 'an integer >= 2',
    description: 'examples per optimiser step',
    defaultText: PRESET,
  },
  {
    key: 'lr',
    flag: '--lr <rate>',
    kind: 'number',
    schema: z.number().positive().finite(),
    expected: 'a finite number > 0',
    description: `learning rate (cosine decay to 0 over the run); the preset's is for adam, sgd defaults to ${SGD_DEFAULT_LR}`,
    defaultText: PRESET,
  },
  enumField(
    'optimizer',
    '--optimizer <name>',
    OPTIMIZERS,
    'adam, or sgd with heavy-ball momentum (v ← μv + g, x ← x − lr·v)',
    'adam',
  ),
  {
    key: 'momentum',
    flag: '--momentum <mu>',
    kind: 'number',
    schema: z.number().min(0).lt(1),
    expected: 'a number in [0, 1)',
    description:
      'momentum μ of --optimizer sgd (0 = plain SGD); adam ignores it',
    defaultText: '0.9',
  },
  enumField(
    'augment',
    '--augment <strength>',
    AUGMENTS,
    'image augmentation of training batches: grey images get random rotation, scale and shift (strong: twice the range), colour images random crops and flips (strong: plus colour jitter); ignored for vectors',
    PRESET,
  ),
  {
    key: 'evalSamples',
    flag: '--eval-samples <n>',
    kind: 'int',
    schema: int(0),
    expected: 'an integer >= 0',
    description:
      'training examples scored by the per-epoch evaluation (0 = all); the final evaluation always uses all',
    defaultText: PRESET,
  },
  {
    key: 'evalEvery',
    flag: '--eval-every <n>',
    kind: 'int',
    schema: int(1),
    expected: 'an integer >= 1',
    description:
      'score the training subset and the test split after every n-th epoch and after the last; the epochs between record their losses only (with 5000 MNIST training images the evaluation takes about 40 % of an epoch). Training is the same for every n',
    defaultText: '1',
  },
];

/** Seed and backend (every training command). */
export const RUNTIME_FIELDS: readonly Field[] = [
  {
    key: 'seed',
    flag: '--seed <n>',
    kind: 'int',
    schema: z
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    expected: 'an integer in [0, 2147483647]',
    description:
      'seed of every random stream (weights, shuffling, augmentation, synthetic data)',
    defaultText: '0',
  },
  enumField(
    'backend',
    '--backend <name>',
    BACKENDS,
    'TensorFlow.js backend; auto takes tensorflow (tfjs-node) when it loads, else wasm, else cpu',
    'auto',
  ),
  {
    key: 'threads',
    flag: '--threads <n>',
    kind: 'int',
    schema: int(1),
    expected: 'an integer >= 1',
    description: 'threads of the wasm backend',
    defaultText: 'the number of CPU cores',
  },
];

/** Settings only `cce cluster` has. */
export const CLUSTER_FIELDS: readonly Field[] = [
  {
    key: 'clusters',
    flag: '--clusters <K>',
    kind: 'int',
    schema: int(2),
    expected: 'an integer >= 2',
    description: 'number of clusters K',
    defaultText: "the data set's number of classes (synthetic 5)",
  },
  enumField(
    'objective',
    '--objective <name>',
    OBJECTIVES,
    'collision, reverse, forward and sela are self-labeling objectives (network term + pseudo-label solver); imsat is the mutual-information baseline; kmeans clusters the raw inputs',
    'collision',
  ),
  {
    key: 'lambda',
    flag: '--lambda <value>',
    kind: 'number',
    schema: z.number().min(0).finite(),
    expected: 'a finite number >= 0',
    description:
      'weight λ of the fairness term of the pseudo-label problem (imsat: weight of the marginal entropy)',
    defaultText: PRESET,
  },
  {
    key: 'emIterations',
    flag: '--em-iterations <n>',
    kind: 'int',
    schema: int(1),
    expected: 'an integer >= 1',
    description: 'most iterations of the pseudo-label solver per batch',
    defaultText: '100',
  },
  {
    key: 'emTolerance',
    flag: '--em-tolerance <value>',
    kind: 'number',
    schema: z.number().positive().finite(),
    expected: 'a finite number > 0',
    description:
      'the pseudo-label solver stops when the relative change of its objective is below this',
    defaultText: '1e-5',
  },
  {
    key: 'twoView',
    flag: '--two-view',
    kind: 'bool',
    schema: z.boolean(),
    expected: 'true or false',
    description:
      'pseudo-labels from a weakly augmented view, loss on a strongly augmented one (--no-two-view turns it off)',
    defaultText: PRESET,
  },
  {
    key: 'netFairness',
    flag: '--net-fairness <weight>',
    kind: 'number',
    schema: z.number().min(0).finite(),
    expected: 'a finite number >= 0',
    description:
      'self-labeling: weight μ of the strong fairness KL(u ‖ σ̄) of the predictions added to the network term (0 = off); it keeps clusters that σ has emptied from staying empty',
    defaultText: PRESET,
  },
  {
    key: 'consistency',
    flag: '--consistency <weight>',
    kind: 'number',
    schema: z.number().min(0).finite(),
    expected: 'a finite number >= 0',
    description:
      'imsat: weight of the augmentation consistency KL(σ(x) ‖ σ(augmented x))',
    defaultText: '1',
  },
];

/** Settings only `cce train` has. */
export const TRAIN_FIELDS: readonly Field[] = [
  enumField(
    'loss',
    '--loss <name>',
    TRAIN_LOSSES,
    'soft-label loss from @cce/losses: collision H₂(y, σ), shannon H(y, σ), reverse H(σ, y), kl, sce, gce or mae',
    'collision',
  ),
  {
    key: 'softLabels',
    flag: '--soft-labels <file>',
    kind: 'path',
    schema: z.string().min(1),
    expected: 'a .npy or .csv file path',
    description:
      'soft training labels [N, K] (rows on the simplex) instead of the hard ones',
  },
  enumField(
    'labelNoise',
    '--label-noise <kind>',
    LABEL_NOISES,
    'dirichlet replaces each training label by normalize((1 − η) e_t + η d), d ~ Dirichlet(1)',
    'none',
  ),
  {
    key: 'eta',
    flag: '--eta <value>',
    kind: 'number',
    schema: z.number().min(0).max(1),
    expected: 'a number in [0, 1]',
    description: 'noise level η of --label-noise dirichlet',
    defaultText: '0.6',
  },
];

/** Every field of `cce cluster`. */
export const CLUSTER_COMMAND_FIELDS: readonly Field[] = [
  ...DATA_FIELDS,
  ...CLUSTER_FIELDS,
  ...MODEL_FIELDS,
  ...RUNTIME_FIELDS,
];

/** Every field of `cce train`. */
export const TRAIN_COMMAND_FIELDS: readonly Field[] = [
  ...DATA_FIELDS,
  ...TRAIN_FIELDS,
  ...MODEL_FIELDS,
  ...RUNTIME_FIELDS,
];
