// Settings of the in-browser demo: what a visitor can pick, their defaults
// and ranges, and how they are read from (and written to) the page's URL
// query so a configuration can be linked and the end-to-end test can pin one.

/** Which toy data set the demo draws. */
export type DemoDataset = 'mixture' | 'moons';
/** Clustering by self-labeling (no labels) or supervised soft labels. */
export type DemoMode = 'cluster' | 'supervised';
/** The network's loss on the (pseudo-)labels. */
export type DemoLoss = 'collision' | 'shannon';

/** Everything that defines one demo run. */
export interface DemoSettings {
  dataset: DemoDataset;
  mode: DemoMode;
  loss: DemoLoss;
  /** Fairness weight λ of the pseudo-label problem (cluster mode), >= 0. */
  lambda: number;
  /** Label noise η of the Dirichlet soft labels (supervised mode), [0, 1]. */
  eta: number;
  /** Clusters of the mixture, 2..5 (the moons always have 2). */
  numClasses: number;
  /** Seed of the data, the noise and the initial weights. */
  seed: number;
  /** Training points; as many again are drawn as the supervised test set. */
  numPoints: number;
  /** Training steps before the run stops by itself. */
  maxSteps: number;
}

export const DEFAULT_SETTINGS: Readonly<DemoSettings> = {
  dataset: 'mixture',
  mode: 'cluster',
  loss: 'collision',
  lambda: 1,
  eta: 0.6,
  numClasses: 3,
  seed: 1,
  numPoints: 300,
  maxSteps: 200,
};

/** Inclusive ranges of the numeric settings (the UI uses them too). */
export const RANGES = {
  lambda: { min: 0, max: 10, step: 0.05 },
  eta: { min: 0, max: 1, step: 0.05 },
  numClasses: { min: 2, max: 5, step: 1 },
  seed: { min: 0, max: 9999, step: 1 },
  numPoints: { min: 50, max: 1000, step: 50 },
  maxSteps: { min: 10, max: 2000, step: 10 },
} as const;

type NumericKey = keyof typeof RANGES;

/**
 * Reads settings from a URL query such as
 * `?dataset=moons&mode=supervised&loss=shannon&eta=0.8`. Unknown keys are
 * ignored; missing, malformed or out-of-range values fall back to the
 * default or are clamped into range, so any URL gives a valid run.
 */
export function parseSettings(query: string): DemoSettings {
  const params = new URLSearchParams(query);
  const pick = <T extends string>(key: string, values: readonly T[], d: T) => {
    const value = params.get(key);
    return values.includes(value as T) ? (value as T) : d;
  };
  const number = (key: NumericKey): number => {
    const raw = params.get(key);
    const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
    return clampSetting(key, value);
  };
  return {
    dataset: pick('dataset', ['mixture', 'moons'], DEFAULT_SETTINGS.dataset),
    mode: pick('mode', ['cluster', 'supervised'], DEFAULT_SETTINGS.mode),
    loss: pick('loss', ['collision', 'shannon'], DEFAULT_SETTINGS.loss),
    lambda: number('lambda'),
    eta: number('eta'),
    numClasses: number('numClasses'),
    seed: number('seed'),
    numPoints: number('numPoints'),
    maxSteps: number('maxSteps'),
  };
}

/** Clamps a numeric setting into its range; NaN gives the default. */
export function clampSetting(key: NumericKey, value: number): number {
  const { min, max, step } = RANGES[key];
  if (!Number.isFinite(value)) return DEFAULT_SETTINGS[key];
  const clamped = Math.min(max, Math.max(min, value));
  return step >= 1 ? Math.round(clamped) : clamped;
}

/** The query string that {@link parseSettings} reads back to `settings`. */
export function formatSettings(settings: DemoSettings): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(settings)) {
    params.set(key, String(value));
  }
  return `?${params.toString()}`;
}

/** Number of classes the data set really has (moons: always 2). */
export function effectiveClasses(settings: DemoSettings): number {
  return settings.dataset === 'moons' ? 2 : settings.numClasses;
}
