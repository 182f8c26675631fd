// Preallocated buffers of one solver and the per-solve settings the method
// loops read; a solve allocates nothing per iteration.
import {
  ANDERSON_MEMORY,
  ANDERSON_MIN_CLASSES,
  RELATIVE_CHANGE_FLOOR,
} from '../constants.js';
import {
  OMEGA_SLOTS,
  type ScanScratch,
  WRITE_ALL_MAX_ENTRIES,
} from './em-scan.js';
import { WORKING_SET_MIN_CLASSES, WorkingSet } from './working-set.js';
import type {
  IterationCallback,
  PseudoLabelMethod,
  PseudoLabelObjective,
  StopReason,
} from '../types.js';

/** Buffers sized for at most `maxRows` rows of `numClasses` classes. */
export class Workspace {
  readonly numClasses: number;
  readonly maxRows: number;
  /** σ (collision, reverse), cost −ln σ (forward) or kernel (sela). */
  readonly data: Float64Array;
  /** The iterate and a second point (proposal, trial, or next iterate). */
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Gradient solvers: gradient, gradient at the trial point, direction. */
  readonly g: Float64Array;
  readonly gNew: Float64Array;
  readonly dir: Float64Array;
  /** Row statistics [maxRows] and class statistics [numClasses]. */
  readonly rowA: Float64Array;
  readonly rowB: Float64Array;
  readonly colA: Float64Array;
  readonly colB: Float64Array;
  readonly scratch: Float64Array;
  /** Recent objective values of the non-monotone line search (spg). */
  readonly recent: Float64Array;
  /** em-accelerated: the ω line search's scratch and trial values. */
  readonly scan: ScanScratch;
  readonly trials: Float64Array;
  /**
   * em-accelerated, Anderson phase: the last ANDERSON_MEMORY + 1 EM images
   * g_t and residuals g_t − x_t (each [maxRows · numClasses]), their Gram
   * matrix, the small system's scratch, and a third set of statistics.
   */
  readonly images: Float64Array[];
  readonly residuals: Float64Array[];
  readonly gram: Float64Array;
  readonly system: Float64Array;
  readonly weights: Float64Array;
  readonly rowC: Float64Array;
  readonly colC: Float64Array;
  /**
   * em-accelerated on the collision problem with K >= WORKING_SET_MIN_CLASSES:
   * the working-set phase's buffers (NOTE [working sets]); else undefined.
   */
  readonly workingSet: WorkingSet | undefined;

  constructor(
    numClasses: number,
    maxRows: number,
    method: PseudoLabelMethod,
    objective: PseudoLabelObjective,
  ) {
    const size = numClasses * maxRows;
    const gradients = method === 'pgd' || method === 'pgd-fixed';
    const spectral = method === 'spg';
    this.numClasses = numClasses;
    this.maxRows = maxRows;
    this.data = new Float64Array(size);
    this.y = new Float64Array(size);
    this.z = new Float64Array(method === 'sinkhorn' ? 0 : size);
    this.g = new Float64Array(gradients || spectral ? size : 0);
    this.gNew = new Float64Array(spectral ? size : 0);
    this.dir = new Float64Array(spectral ? size : 0);
    this.rowA = new Float64Array(maxRows);
    this.rowB = new Float64Array(maxRows);
    this.colA = new Float64Array(numClasses);
    this.colB = new Float64Array(numClasses);
    this.scratch = new Float64Array(numClasses);
    this.recent = new Float64Array(SPG_MEMORY);
    const accelerated = method === 'em-accelerated';
    const slots = accelerated ? OMEGA_SLOTS : 0;
    // NOTE [keeping every trial] in em-scan.ts
    const keep =
      accelerated && objective === 'collision' && size <= WRITE_ALL_MAX_ENTRIES
        ? 3
        : 0;
    this.scan = {
      cols: new Float64Array(slots * numClasses),
      z: new Float64Array(slots),
      logs: new Float64Array(slots),
      base: new Float64Array(accelerated ? 3 * numClasses : 0),
      points: Array.from({ length: keep }, () => new Float64Array(size)),
      rows: Array.from({ length: keep }, () => new Float64Array(maxRows)),
    };
    this.trials = new Float64Array(slots);
    // LIMITATION(L-008): 2·(ANDERSON_MEMORY + 1) more N×K buffers where the
    // dense Anderson phase can run (reverse, K >= ANDERSON_MIN_CLASSES).
    const depth =
      accelerated &&
      objective === 'reverse' &&
      numClasses >= ANDERSON_MIN_CLASSES
        ? ANDERSON_MEMORY + 1
        : 0;
    this.images = Array.from({ length: depth }, () => new Float64Array(size));
    this.residuals = Array.from(
      { length: depth },
      () => new Float64Array(size),
    );
    this.gram = new Float64Array(depth * depth);
    this.system = new Float64Array(depth * (depth + 1));
    this.weights = new Float64Array(depth);
    this.rowC = new Float64Array(accelerated ? maxRows : 0);
    this.colC = new Float64Array(accelerated ? numClasses : 0);
    this.workingSet =
      accelerated &&
      objective === 'collision' &&
      numClasses >= WORKING_SET_MIN_CLASSES
        ? new WorkingSet(numClasses, maxRows)
        : undefined;
  }
}

/** Length of the non-monotone memory of spg (Birgin–Martínez–Raydan's M). */
export const SPG_MEMORY = 10;

/** Per-solve settings and outcome; one object reused across solves. */
export interface RunContext {
  ws: Workspace;
  n: number;
  lambda: number;
  tol: number;
  maxIter: number;
  timeBudgetMs: number;
  epsilon: number;
  /** NaN: choose automatically. */
  stepSize: number;
  onIteration: IterationCallback | undefined;
  /** performance.now() when iterating began. */
  start: number;
  /** Outcome: the buffer holding the result and its summed objective. */
  result: Float64Array;
  phi: number;
  iterations: number;
  stopReason: StopReason;
}

/** Calls the progress hook with the mean objective Φ/N. */
export function report(ctx: RunContext, iteration: number, phi: number): void {
  if (ctx.onIteration !== undefined) {
    ctx.onIteration(iteration, phi / ctx.n, performance.now() - ctx.start);
  }
}

/**
 * The stop rules, in order: non-finite objective, relative change
 * `|Φ_prev − Φ| <= tol·max(|Φ|, N·RELATIVE_CHANGE_FLOOR)`, iteration cap, time budget.
 */
export function stopCheck(
  ctx: RunContext,
  iteration: number,
  previous: number,
  current: number,
): StopReason | null {
  if (!Number.isFinite(current)) return 'diverged';
  const scale = Math.max(Math.abs(current), RELATIVE_CHANGE_FLOOR * ctx.n);
  if (Math.abs(previous - current) <= ctx.tol * scale) return 'tolerance';
  return capCheck(ctx, iteration);
}

/** Iteration cap, then time budget. */
export function capCheck(
  ctx: RunContext,
  iteration: number,
): StopReason | null {
  if (iteration >= ctx.maxIter) return 'max-iterations';
  if (performance.now() - ctx.start >= ctx.timeBudgetMs) return 'time-budget';
  return null;
}

/** Records the outcome of a method loop. */
export function finish(
  ctx: RunContext,
  result: Float64Array,
  phi: number,
  iterations: number,
  stopReason: StopReason,
): void {
  ctx.result = result;
  ctx.phi = phi;
  ctx.iterations = iterations;
  ctx.stopReason = stopReason;
}
