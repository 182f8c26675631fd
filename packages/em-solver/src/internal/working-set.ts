// The working-set phase of em-accelerated for the collision problem with
// many classes: accelerated EM on a few entries per row, with the other
// entries dropped (or held fixed), and a pricing pass that lets violators
// of the optimality conditions back in. NOTE [working sets] explains it.
import {
  ANDERSON_MEMORY,
  PSEUDO_LABEL_FLOOR,
  RELATIVE_CHANGE_FLOOR,
} from '../constants.js';
import type { EmMap } from './em-maps.js';
import {
  MAX_OMEGA_EXPONENT,
  RELAXED_BACKOFF,
  RELAXED_GROWTH,
  RELAXED_RESTART,
} from './em-scan.js';
import { priceUniform } from './models.js';
import { uniformKlSum } from './priors.js';
import {
  capCheck,
  finish,
  type RunContext,
  report,
  stopCheck,
} from './workspace.js';

/** NOTE [imported constants in hot loops] in em-maps.ts. */
const FLOOR = PSEUDO_LABEL_FLOOR;

/*
 * NOTE [working sets]
 * The collision optimum is sparse: at a KKT point each row's support holds
 * the classes with the largest a_ik = σ_ik/d_i + β_k (NOTE [EM as a
 * multiplicative update]); for fixed d_i and β that is generically one or
 * two classes (about K/N + 1 when N < K: every class needs mass). EM still
 * multiplies all N·K entries each step, so at K = 1000 nearly all of its
 * work shrinks entries that are already negligible, while the coupling
 * through the class sums (large λN/K) needs hundreds of steps.
 * 1. Pick (one pass over N·K): per row the at most WIDTH − TOP_PRICE (or
 *    ⌈2K/N⌉, when N < K makes rows split over many classes) largest next
 *    EM values y_ik·a_ik that are at least KEEP of the row,
 *    plus the TOP_PRICE largest a_ik among the rest (a price pick that EM
 *    would grow, a_ik > Σ_c y_ic a_ic, and is tiny is raised to BOOST of
 *    the row if Φ does not grow). The entries left out are held fixed: on
 *    that face the problem is the collision problem with constant offsets
 *    (their part of d_i and of the class sums) and each row's working
 *    entries keep their mass s_i; its EM step is the full step restricted,
 *    y_e ← s_i·y_e a_e / Σ_w y_w a_w (the Jensen bound of DESIGN.md's E-step
 *    with the fixed part as one more component), so Φ never increases and
 *    Φ of the small problem is exactly Φ of the full point.
 * 2. Drop: set the fixed entries to 0 (the floor) and scale each row's
 *    working entries to sum 1, if that does not raise Φ (moving mass from
 *    entries with small a_ik to ones with larger a_ik lowers it). Then the
 *    phase is sparse: the dense y is written only when the solve ends.
 *    If the drop would raise Φ, a round of inner iterations is followed by
 *    one full (over-relaxed) EM step that moves the fixed entries, and the
 *    next round picks again.
 * 3. Inner iterations on the working entries, each streaming a few arrays
 *    of the entries instead of N·K: type-II Anderson acceleration of the
 *    restricted EM map with the safeguard of phase 3, and when its trial
 *    is rejected an over-relaxed trial x ⊙ (a / max a)^ω with ω growing
 *    after a success (most Anderson trials are rejected on the degenerate
 *    N < K problems, where the over-relaxed one still helps). Each accepted
 *    point is no worse than the EM image. ROUND_ITERATIONS at most, or
 *    until the relative change is below tol.
 * 4. Price (sparse only; one read-only pass over N·K): every dropped entry
 *    whose a_ik exceeds the row's Σ_w x_w a_w by more than EARLY_VIOLATION
 *    (VIOLATION once step 3 has converged) is a KKT violator; the
 *    TOP_PRICE (or ⌈2K/N⌉) largest per row join with mass BOOST (or the
 *    floor, if BOOST would raise Φ). Entries below PRUNE leave when room
 *    (N·WIDTH + 2K entries: the optimum has at least K) is short. With no
 *    violator and step 3 converged, the solve stops ('tolerance'): the
 *    point is a KKT point of the full problem up to VIOLATION. IDLE_ROUNDS
 *    rounds in a row without an accepted inner step stop it as 'stalled'
 *    (at rounding level, joins and prunes could otherwise cycle).
 * The ⌈2K/N⌉ rules came from N = 2, 3 rows with K = 100, 600 (scratch):
 * with 32 entries a row could not hold its share of the K classes and the
 * solve stalled 8e-6 and 2e-4 above spg; with them it ends below spg.
 * em-accelerated takes this phase right after its ω searches: the dense
 * over-relaxed steps of phase 2 cost several EM steps each (N = 16384,
 * K = 1000: about 140 ms), and in a scratch A/B on the twelve E3 K = 1000
 * cells switching there reached a 1e-4 gap sooner than switching at phase
 * 2's slow streak in every cell (N = 16384, λ = 10: 2.3 s against none in
 * 6 s), though later to 1e-6 on the N <= 4096, λ = 10 cells.
 * Step 3's over-relaxed fallback was timed against Anderson alone on six
 * of those cells: to 1e-6, 1.3 against 2.2 s (N = 1024, λ = 10) and 1.2
 * against 2.8 s (N = 4096, λ = 10), 3.2 against 1.8 s (N = 256, λ = 10);
 * to 1e-4 about equal.
 */

/**
 * The collision problem takes the working-set phase (right after the ω
 * searches, instead of phases 2 and 3 of NOTE [three phases of
 * em-accelerated]) from K = WORKING_SET_ALWAYS classes on, and from
 * K = WORKING_SET_MIN_CLASSES on when N <= WORKING_SET_ROWS_PER_CLASS · K.
 * E3 instances, scratch A/B in one process (time to a 1e-4 gap): at
 * K = 1000 it was faster for every N and λ (N = 16384, λ = 10: 2.7 s
 * against no 1e-4 in 6 s); at K = 100 faster for N = 256 and 1024 (e.g.
 * λ = 10: 23 against 96 ms, 67 against 115 ms) but slower for N = 4096
 * and 16384 (λ = 1: 78 against 22 ms), where the dense steps are nearly
 * one-hot after the searches and the selection pass does not pay.
 */
export const WORKING_SET_ALWAYS = 500;
export const WORKING_SET_MIN_CLASSES = 100;
export const WORKING_SET_ROWS_PER_CLASS = 20;

/** Whether a collision solve of n rows and K classes uses working sets. */
export function usesWorkingSets(n: number, K: number): boolean {
  return (
    K >= WORKING_SET_ALWAYS ||
    (K >= WORKING_SET_MIN_CLASSES && n <= WORKING_SET_ROWS_PER_CLASS * K)
  );
}

/** At most this many classes per row. */
export const WORKING_SET_WIDTH = 32;
/** Classes whose next EM value y_ik·a_ik/Σ_c y_ic a_ic is at least this. */
const KEEP = 1e-8;
/** Plus the largest a_ik not kept so far. */
const TOP_PRICE = 2;
/**
 * Inner iterations per round at most: the classes picked first are rarely
 * all right, and a round's pricing pass (or, before the drop, its full
 * step) is what brings in the others (E3 cell
 * N = 4096, K = 1000, λ = 10, scratch runs: 20, 30 and 50 reached a 1e-4
 * gap in 3.7, 3.3 and 3.4 s in an earlier form without the drop; no cap
 * never finished its first round).
 */
const ROUND_ITERATIONS = 30;
/**
 * Sparse mode: a price above the row's mean by this (relative) joins once
 * the working entries have converged; EARLY_VIOLATION before that.
 */
const VIOLATION = 1e-9;
const EARLY_VIOLATION = 1e-3;
/** Sparse mode: rounds without an accepted inner step before 'stalled'. */
const IDLE_ROUNDS = 3;
/** Sparse mode: working entries below this leave (see prune). */
const PRUNE = 1e-20;
/** A price-picked entry below this is raised to it (if Φ does not grow). */
const BOOST = 1e-6;

/** Buffers of the small problem, for at most `maxRows` rows. */
export class WorkingSet {
  readonly width: number;
  /** Working entries in all at most (maxRows · width + 2K). */
  readonly capacity: number;
  /** extend's outcome: entries moved (Anderson restarts), the new Φ. */
  reindexed = false;
  value = 0;
  /** Sparse mode: the (row, class) pairs that join in one extension. */
  readonly joinRow: Int32Array;
  readonly joinClass: Int32Array;
  /** [maxRows + 1] row i's working entries are [start[i], start[i + 1]). */
  readonly start: Int32Array;
  /** [capacity] class of each working entry. */
  readonly cls: Int32Array;
  /** [capacity] σ of each working entry. */
  readonly sigma: Float64Array;
  /** The iterate, a trial point, the EM images and residuals: [capacity]. */
  readonly x: Float64Array;
  readonly trial: Float64Array;
  readonly images: Float64Array[];
  readonly residuals: Float64Array[];
  /** [maxRows] where each row's price picks begin; its Σ_k y_ik a_ik (select). */
  readonly picked: Int32Array;
  readonly rowMean: Float64Array;
  /** [maxRows] fixed part of y_i·σ_i; working mass s_i; d_i of x, image, trial. */
  readonly fixedDot: Float64Array;
  readonly mass: Float64Array;
  readonly rowX: Float64Array;
  readonly rowG: Float64Array;
  readonly rowT: Float64Array;
  /** [K] fixed part of the class sums; class sums of x, image, trial; prices. */
  readonly fixedCol: Float64Array;
  readonly colX: Float64Array;
  readonly colG: Float64Array;
  readonly colT: Float64Array;
  readonly beta: Float64Array;
  /** [K] row stamp of the classes picked in the current row. */
  readonly mark: Int32Array;
  /** Selection scratch: [K] one row's next EM values, and a copy to reorder. */
  readonly rowImage: Float64Array;
  readonly order: Float64Array;
  /** [K] one row's violating classes (extend). */
  readonly candidates: Int32Array;
  /** Anderson's Gram matrix, small system and weights (as Workspace's). */
  readonly gram: Float64Array;
  readonly system: Float64Array;
  readonly weights: Float64Array;

  constructor(numClasses: number, maxRows: number) {
    const width = Math.min(WORKING_SET_WIDTH, numClasses);
    // room for rows that must split over many classes when N < K: the
    // optimum has at least K nonzero entries (every class needs mass)
    const size = width * maxRows + 2 * numClasses;
    const depth = ANDERSON_MEMORY + 1;
    this.width = width;
    this.capacity = size;
    this.joinRow = new Int32Array(size);
    this.joinClass = new Int32Array(size);
    this.candidates = new Int32Array(numClasses);
    this.start = new Int32Array(maxRows + 1);
    this.cls = new Int32Array(size);
    this.sigma = new Float64Array(size);
    this.x = new Float64Array(size);
    this.trial = new Float64Array(size);
    this.images = Array.from({ length: depth }, () => new Float64Array(size));
    this.residuals = Array.from(
      { length: depth },
      () => new Float64Array(size),
    );
    this.picked = new Int32Array(maxRows);
    this.rowMean = new Float64Array(maxRows);
    this.fixedDot = new Float64Array(maxRows);
    this.mass = new Float64Array(maxRows);
    this.rowX = new Float64Array(maxRows);
    this.rowG = new Float64Array(maxRows);
    this.rowT = new Float64Array(maxRows);
    this.fixedCol = new Float64Array(numClasses);
    this.colX = new Float64Array(numClasses);
    this.colG = new Float64Array(numClasses);
    this.colT = new Float64Array(numClasses);
    this.beta = new Float64Array(numClasses);
    this.mark = new Int32Array(numClasses);
    this.rowImage = new Float64Array(numClasses);
    this.order = new Float64Array(numClasses);
    this.gram = new Float64Array(depth * depth);
    this.system = new Float64Array(depth * (depth + 1));
    this.weights = new Float64Array(depth);
  }
}

/** The dense iterate the phase starts from and returns to. */
export interface DensePoint {
  y: Float64Array;
  row: Float64Array;
  col: Float64Array;
  phi: number;
}

/** Solves α for the `count` newest slots (em-methods.ts). */
export type AndersonWeights = (
  buffers: { gram: Float64Array; system: Float64Array; weights: Float64Array },
  head: number,
  count: number,
  depth: number,
) => boolean;

/**
 * Runs the working-set phase (NOTE [working sets]) from iteration `start`
 * at point `p` until a stop rule fires, then records the outcome. `image`
 * holds the statistics a full EM step writes (its buffers are swapped with
 * p's); `startOmega` is the full step's first ω.
 */
export function runWorkingSets(
  ctx: RunContext,
  set: WorkingSet,
  map: EmMap,
  weightsOf: AndersonWeights,
  p: DensePoint,
  image: { row: Float64Array; col: Float64Array },
  start: number,
  startOmega: number,
): void {
  let omega = startOmega;
  const { ws, n, lambda } = ctx;
  const K = ws.numClasses;
  const depth = ANDERSON_MEMORY + 1;
  let it = start;
  // sparse: the fixed entries were dropped (they are 0 up to the floor, and
  // p.y is stale outside the working entries until materialize)
  let sparse = false;
  let phi = p.phi;
  // Anderson history: valid while the working entries stay the same
  let head = -1;
  let count = 0;
  let innerOmega = 2;
  let innerGrowth = 2;
  // rounds in a row whose inner loop accepted nothing (rounding level):
  // joins alone cannot go on forever
  let idle = 0;
  for (;;) {
    if (!sparse) {
      head = -1;
      count = 0;
      select(set, ws.data, p, n, K, lambda);
      phi = Number.POSITIVE_INFINITY;
      if (boost(set, p, n) > 0) {
        phi = evaluate(set, set.trial, n, K, lambda, set.rowT, set.colT, true);
        if (phi <= p.phi) takePoint(set, n, set.trial, set.rowT, set.colT);
      }
      if (!(phi <= p.phi)) {
        phi = evaluate(set, set.x, n, K, lambda, set.rowX, set.colX, true);
      }
      const dropped = drop(set, n, K, lambda);
      if (dropped <= phi) {
        phi = dropped;
        sparse = true;
      }
    }
    // inner Anderson loop on the working entries
    const before = it;
    let inner = 0;
    let converged = false;
    let reason = capCheck(ctx, it);
    while (reason === null) {
      const previous = phi;
      head = (head + 1) % depth;
      const g = set.images[head]!;
      const next = restrictedStep(set, n, K, lambda, 1, g, set.rowG, set.colG);
      if (!(next <= phi)) {
        converged = true; // rounding level
        break;
      }
      count = Math.min(count + 1, depth);
      residualAndGram(set, g, head, count, depth, set.start[n]!);
      let accepted = false;
      if (count >= 2 && weightsOf(set, head, count, depth)) {
        combine(set, head, count, depth, n);
        const value = evaluate(
          set,
          set.trial,
          n,
          K,
          lambda,
          set.rowT,
          set.colT,
          !sparse,
        );
        if (value <= next) {
          takePoint(set, n, set.trial, set.rowT, set.colT);
          phi = value;
          accepted = true;
        } else {
          count = 1;
        }
      }
      if (!accepted) {
        const value = restrictedStep(
          set,
          n,
          K,
          lambda,
          innerOmega,
          set.trial,
          set.rowT,
          set.colT,
        );
        if (value <= next) {
          takePoint(set, n, set.trial, set.rowT, set.colT);
          phi = value;
          accepted = true;
          innerOmega = Math.min(
            innerOmega * innerGrowth,
            2 ** MAX_OMEGA_EXPONENT,
          );
        } else {
          innerOmega = Math.max(RELAXED_RESTART, innerOmega / RELAXED_BACKOFF);
          innerGrowth = RELAXED_GROWTH;
        }
      }
      if (!accepted) {
        takePoint(set, n, g, set.rowG, set.colG);
        phi = next;
      }
      it++;
      report(ctx, it, phi);
      reason = capCheck(ctx, it);
      const scale = Math.max(Math.abs(phi), RELATIVE_CHANGE_FLOOR * n);
      if (previous - phi <= ctx.tol * scale) {
        converged = true;
        break;
      }
      if (++inner >= ROUND_ITERATIONS) break;
    }
    if (reason === null && sparse) {
      // price every dropped entry; the violators join the working entries
      // (a loose bar while the face is still moving, VIOLATION once it has
      // converged)
      const joined = extend(
        set,
        ws.data,
        n,
        K,
        lambda,
        phi,
        converged ? VIOLATION : EARLY_VIOLATION,
      );
      if (set.reindexed) {
        head = -1;
        count = 0;
      }
      idle = it === before ? idle + 1 : 0;
      if (joined > 0) phi = set.value;
      if (idle >= IDLE_ROUNDS) reason = 'stalled';
      else if (joined > 0 || !converged) continue;
      else reason = 'tolerance';
    }
    if (sparse) materialize(set, p.y, n, K);
    else scatter(set, p.y, n, K);
    p.row.set(set.rowX.subarray(0, n));
    p.col.set(set.colX);
    p.phi = phi;
    if (reason !== null) {
      finish(ctx, p.y, p.phi, it, reason);
      return;
    }
    // one full EM step: every entry moves, the next round picks again
    const spare = p.y === ws.y ? ws.z : ws.y;
    const previous = p.phi;
    const power = Math.round(omega);
    let next = fullStep(ctx, map, p, spare, image, power);
    if (next <= p.phi) {
      omega = Math.min(omega * RELAXED_GROWTH, 2 ** MAX_OMEGA_EXPONENT);
    } else {
      omega = Math.max(RELAXED_RESTART, power / RELAXED_BACKOFF);
      if (power > 1) next = fullStep(ctx, map, p, spare, image, 1);
    }
    if (!(next <= p.phi)) {
      finish(ctx, p.y, p.phi, it, 'stalled');
      return;
    }
    const { row, col } = p;
    p.y = spare;
    p.row = image.row;
    p.col = image.col;
    p.phi = next;
    image.row = row;
    image.col = col;
    it++;
    report(ctx, it, p.phi);
    const stop = stopCheck(ctx, it, previous, p.phi);
    if (stop !== null) {
      finish(ctx, p.y, p.phi, it, stop);
      return;
    }
  }
}

/** The (over-relaxed) EM step of the full problem from p into spare. */
function fullStep(
  ctx: RunContext,
  map: EmMap,
  p: DensePoint,
  spare: Float64Array,
  image: { row: Float64Array; col: Float64Array },
  power: number,
): number {
  const { ws, n, lambda } = ctx;
  return map(
    ws.data,
    p.y,
    n,
    ws.numClasses,
    lambda,
    p.row,
    p.col,
    spare,
    image.row,
    image.col,
    ws.scratch,
    power,
  );
}

/**
 * Picks each row's working classes from the dense point p and fills the
 * small problem: start, cls, σ, x (the current entries), the fixed offsets
 * and the working masses. The picks are the (at most WIDTH − TOP_PRICE)
 * largest next EM values y_ik·a_ik that are at least KEEP of the row's
 * total, then the TOP_PRICE largest a_ik among the rest (from
 * set.picked[i] on; set.rowMean[i] keeps the row's Σ_k y_ik a_ik for boost).
 */
export function select(
  set: WorkingSet,
  sigma: Float64Array,
  p: DensePoint,
  n: number,
  K: number,
  lambda: number,
): void {
  const W = set.width;
  // more when rows must split over many classes (N < K; capacity allows)
  const byImage = Math.min(
    K - TOP_PRICE,
    Math.max(W - TOP_PRICE, Math.ceil((2 * K) / n)),
  );
  const { beta, mark, fixedCol, start, rowImage, order } = set;
  priceUniform(p.col, n, K, lambda, beta);
  fixedCol.fill(0);
  mark.fill(-1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = i * K;
    const inv = 1 / p.row[i]!;
    let z = 0;
    for (let k = 0; k < K; k++) {
      const v = p.y[r + k]! * (sigma[r + k]! * inv + beta[k]!);
      rowImage[k] = v;
      z += v;
    }
    // the threshold: KEEP·z, or the byImage-th largest value if higher
    const keep = KEEP * z;
    let above = 0;
    for (let k = 0; k < K; k++)
      if (rowImage[k]! >= keep) order[above++] = rowImage[k]!;
    let cut = keep;
    if (above > byImage) cut = kthLargest(order, above, byImage);
    else if (above === 0) cut = 0;
    start[i] = at;
    let count = 0;
    for (let k = 0; k < K && count < byImage; k++) {
      if (rowImage[k]! > cut) {
        mark[k] = i;
        set.cls[at + count++] = k;
      }
    }
    for (let k = 0; k < K && count < byImage; k++) {
      if (rowImage[k]! === cut && mark[k] !== i) {
        mark[k] = i;
        set.cls[at + count++] = k;
      }
    }
    // the largest prices among the rest
    const kept = count;
    for (let t = 0; t < TOP_PRICE && count < K; t++) {
      let best = -1;
      let bestPrice = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        if (mark[k] === i) continue;
        const v = sigma[r + k]! * inv + beta[k]!;
        if (v > bestPrice) {
          bestPrice = v;
          best = k;
        }
      }
      if (best < 0) break;
      mark[best] = i;
      set.cls[at + count++] = best;
    }
    let mass = 0;
    for (let s = at; s < at + count; s++) {
      const k = set.cls[s]!;
      set.sigma[s] = sigma[r + k]!;
      const v = p.y[r + k]!;
      set.x[s] = v;
      mass += v;
    }
    let dot = 0;
    for (let k = 0; k < K; k++) {
      if (mark[k] === i) continue;
      const v = p.y[r + k]!;
      dot += v * sigma[r + k]!;
      fixedCol[k] = fixedCol[k]! + v;
    }
    set.picked[i] = at + kept;
    set.rowMean[i] = z;
    set.fixedDot[i] = dot;
    set.mass[i] = mass;
    at += count;
  }
  start[n] = at;
}

/**
 * trial = x with each price pick (select) that EM would grow, a_ik above
 * the row's mean Σ_k y_ik a_ik (Φ falls as it grows), and that is below
 * BOOST of the working mass raised to that, the row's working entries then
 * scaled back to its mass. Reads the prices select left in set.beta and
 * the d_i of p; returns how many entries were raised.
 */
function boost(set: WorkingSet, p: DensePoint, n: number): number {
  const { start, picked, x, trial, beta, cls } = set;
  trial.set(x.subarray(0, start[n]!));
  let raised = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    const inv = 1 / p.row[i]!;
    const z = set.rowMean[i]!;
    const mass = set.mass[i]!;
    const low = BOOST * mass;
    let added = 0;
    for (let s = picked[i]!; s < to; s++) {
      const price = set.sigma[s]! * inv + beta[cls[s]!]!;
      if (x[s]! < low && price > z) {
        added += low - x[s]!;
        trial[s] = low;
        raised++;
      }
    }
    if (added > 0) {
      const scale = mass / (mass + added);
      for (let s = from; s < to; s++) trial[s] = trial[s]! * scale;
    }
  }
  return raised;
}

/** Makes (y, row, col) the small problem's point x. */
function takePoint(
  set: WorkingSet,
  n: number,
  y: Float64Array,
  row: Float64Array,
  col: Float64Array,
): void {
  set.x.set(y.subarray(0, set.start[n]!));
  set.rowX.set(row.subarray(0, n));
  set.colX.set(col);
}

/**
 * The k-th largest (k >= 1) of values[0, length), by quickselect in place
 * (values is scratch).
 */
function kthLargest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let a = lo;
    let b = hi;
    while (a <= b) {
      while (values[a]! > pivot) a++;
      while (values[b]! < pivot) b--;
      if (a <= b) {
        const t = values[a]!;
        values[a] = values[b]!;
        values[b] = t;
        a++;
        b--;
      }
    }
    if (target <= b) hi = b;
    else if (target >= a) lo = a;
    else return values[target]!;
  }
  return values[target]!;
}

/**
 * Drops the fixed entries: the trial point has the working entries scaled
 * to sum 1 per row and everything else 0. Returns its Φ, and makes it the
 * small problem's point (offsets 0, masses 1) if that Φ is no higher than
 * the current one; NaN-free: +∞ if a class would be empty.
 */
export function drop(
  set: WorkingSet,
  n: number,
  K: number,
  lambda: number,
): number {
  const { start, x, trial, mass } = set;
  for (let i = 0; i < n; i++) {
    const inv = 1 / mass[i]!;
    for (let s = start[i]!; s < start[i + 1]!; s++) trial[s] = x[s]! * inv;
  }
  const current = evaluate(set, x, n, K, lambda, set.rowT, set.colT, true);
  const value = evaluate(set, trial, n, K, lambda, set.rowT, set.colT, false);
  if (!(value <= current)) return Number.POSITIVE_INFINITY;
  takePoint(set, n, trial, set.rowT, set.colT);
  mass.fill(1);
  set.fixedDot.fill(0);
  set.fixedCol.fill(0);
  return value;
}

/**
 * Sparse mode: prices every entry outside the working sets at the current
 * point and adds, per row, the TOP_PRICE (or ⌈2K/N⌉ if more) largest a_ik
 * that exceed the row's
 * Σ_w x_w a_w by more than `slack` (relative) with mass BOOST (the row's
 * other entries scaled down), as capacity allows (pruning first when it
 * is short). The new point is kept if its Φ is no higher than `phi`; else
 * the entries join at the floor. Returns how many joined; set.value is the
 * new Φ and set.reindexed says whether entries moved.
 */
function extend(
  set: WorkingSet,
  sigma: Float64Array,
  n: number,
  K: number,
  lambda: number,
  phi: number,
  slack: number,
): number {
  const { start, cls, x, beta, mark, rowX, joinRow, joinClass } = set;
  priceUniform(set.colX, n, K, lambda, beta);
  mark.fill(-1);
  let joined = 0;
  // per row at most TOP_PRICE joins, or ⌈2K/N⌉ when rows must split over
  // many classes (N < K); make room first if they might not fit
  const perRow = Math.max(TOP_PRICE, Math.ceil((2 * K) / n));
  const pruned = set.capacity - start[n]! < perRow * n;
  if (pruned) prune(set, n);
  const room = set.capacity - start[n]!;
  const { rowImage: price, order, candidates } = set;
  for (let i = 0; i < n && joined + perRow <= room; i++) {
    const r = i * K;
    const inv = 1 / rowX[i]!;
    let mean = 0;
    for (let s = start[i]!; s < start[i + 1]!; s++) {
      mark[cls[s]!] = i;
      mean += x[s]! * (set.sigma[s]! * inv + beta[cls[s]!]!);
    }
    const bar = mean * (1 + slack);
    let found = 0;
    for (let k = 0; k < K; k++) {
      if (mark[k] === i) continue;
      const v = sigma[r + k]! * inv + beta[k]!;
      if (v > bar) {
        price[found] = v;
        order[found] = v;
        candidates[found++] = k;
      }
    }
    // the perRow largest prices (ties at the cut in class order)
    const cut =
      found > perRow
        ? kthLargest(order, found, perRow)
        : Number.NEGATIVE_INFINITY;
    let taken = 0;
    for (let c = 0; c < found && taken < perRow; c++) {
      if (price[c]! > cut) {
        joinRow[joined] = i;
        joinClass[joined++] = candidates[c]!;
        taken++;
      }
    }
    for (let c = 0; c < found && taken < perRow; c++) {
      if (price[c] === cut) {
        joinRow[joined] = i;
        joinClass[joined++] = candidates[c]!;
        taken++;
      }
    }
  }
  set.reindexed = pruned;
  if (joined === 0) return 0;
  if (!pruned) prune(set, n);
  // move rows right from the last one, appending each row's new entries
  let shift = joined;
  let j = joined - 1;
  for (let i = n - 1; i >= 0 && shift > 0; i--) {
    let extra = 0;
    while (j - extra >= 0 && joinRow[j - extra] === i) extra++;
    const from = start[i]!;
    const to = start[i + 1]!;
    const base = shift - extra;
    for (let e = extra - 1; e >= 0; e--) {
      const s = to + base + e;
      cls[s] = joinClass[j - (extra - 1 - e)]!;
      set.sigma[s] = sigma[i * K + cls[s]!]!;
      x[s] = 0;
    }
    if (base > 0) {
      for (let s = to - 1; s >= from; s--) {
        cls[s + base] = cls[s]!;
        set.sigma[s + base] = set.sigma[s]!;
        x[s + base] = x[s]!;
      }
    }
    start[i + 1] = to + shift;
    shift = base;
    j -= extra;
  }
  // the new entries' mass: BOOST if Φ does not grow, else the floor
  let value = placeNew(set, n, K, lambda, joined, BOOST);
  if (!(value <= phi)) {
    value = placeNew(set, n, K, lambda, joined, FLOOR);
  }
  takePoint(set, n, set.trial, set.rowT, set.colT);
  set.reindexed = true;
  set.value = value;
  return joined;
}

/**
 * trial = x with each new entry (x = 0) of the joined rows set to `mass`
 * and the row's other entries scaled so the row still sums to 1; returns
 * its Φ (statistics in rowT, colT).
 */
function placeNew(
  set: WorkingSet,
  n: number,
  K: number,
  lambda: number,
  joined: number,
  mass: number,
): number {
  const { start, x, trial, joinRow } = set;
  trial.set(x.subarray(0, start[n]!));
  for (let t = 0; t < joined; t++) {
    const i = joinRow[t]!;
    if (t > 0 && joinRow[t - 1] === i) continue;
    let added = 0;
    for (let s = start[i]!; s < start[i + 1]!; s++) if (x[s] === 0) added++;
    const scale = 1 - added * mass;
    for (let s = start[i]!; s < start[i + 1]!; s++) {
      let v = x[s] === 0 ? mass : x[s]! * scale;
      if (v < FLOOR) v = FLOOR;
      trial[s] = v;
    }
  }
  return evaluate(set, trial, n, K, lambda, set.rowT, set.colT, false);
}

/**
 * Sparse mode: removes working entries below PRUNE (keeping at least one
 * per row); their mass (< PRUNE each) is below float64 resolution of Φ.
 */
function prune(set: WorkingSet, n: number): void {
  const { start, cls, x, sigma } = set;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    start[i] = at;
    let best = from;
    for (let s = from; s < to; s++) if (x[s]! > x[best]!) best = s;
    for (let s = from; s < to; s++) {
      if (x[s]! >= PRUNE || s === best) {
        cls[at] = cls[s]!;
        sigma[at] = sigma[s]!;
        x[at] = x[s]!;
        at++;
      }
    }
  }
  start[n] = at;
}

/** Sparse mode: the dense y is the floor except at the working entries. */
function materialize(
  set: WorkingSet,
  y: Float64Array,
  n: number,
  K: number,
): void {
  y.fill(FLOOR, 0, n * K);
  scatter(set, y, n, K);
}

/** Writes the working entries x back into the dense y. */
export function scatter(
  set: WorkingSet,
  y: Float64Array,
  n: number,
  K: number,
): void {
  const { start, cls, x } = set;
  for (let i = 0; i < n; i++) {
    for (let s = start[i]!; s < start[i + 1]!; s++) y[i * K + cls[s]!] = x[s]!;
  }
}

/**
 * Φ of the full point whose working entries are `x` and whose other
 * entries are the fixed ones (`fixed`) or 0; fills row and col.
 */
export function evaluate(
  set: WorkingSet,
  x: Float64Array,
  n: number,
  K: number,
  lambda: number,
  row: Float64Array,
  col: Float64Array,
  fixed: boolean,
): number {
  const { cls, sigma, start } = set;
  if (fixed) col.set(set.fixedCol);
  else col.fill(0);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let dot = fixed ? set.fixedDot[i]! : 0;
    for (let s = start[i]!; s < start[i + 1]!; s++) {
      const v = x[s]!;
      dot += v * sigma[s]!;
      col[cls[s]!] = col[cls[s]!]! + v;
    }
    row[i] = dot;
    sum -= Math.log(dot);
  }
  return sum + uniformKlSum(col, n, K, lambda);
}

/**
 * The restricted EM step from x into dst (ω = 1), or the over-relaxed one
 * dst ∝ x ⊙ (a / max a)^ω, each row scaled to its working mass and floored;
 * fills dstRow, dstCol and returns Φ.
 */
export function restrictedStep(
  set: WorkingSet,
  n: number,
  K: number,
  lambda: number,
  omega: number,
  dst: Float64Array,
  dstRow: Float64Array,
  dstCol: Float64Array,
): number {
  const F = FLOOR;
  const { cls, sigma, x, beta, rowX, start } = set;
  priceUniform(set.colX, n, K, lambda, beta);
  dstCol.set(set.fixedCol);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const base = start[i]!;
    const end = start[i + 1]!;
    const inv = 1 / rowX[i]!;
    let total = 0;
    if (omega === 1) {
      for (let s = base; s < end; s++) {
        const v = x[s]! * (sigma[s]! * inv + beta[cls[s]!]!);
        dst[s] = v;
        total += v;
      }
    } else {
      let top = 0;
      for (let s = base; s < end; s++) {
        const a = sigma[s]! * inv + beta[cls[s]!]!;
        dst[s] = a;
        if (a > top) top = a;
      }
      for (let s = base; s < end; s++) {
        const v = x[s]! * (dst[s]! / top) ** omega;
        dst[s] = v;
        total += v;
      }
    }
    const scale = set.mass[i]! / total;
    let dot = set.fixedDot[i]!;
    for (let s = base; s < end; s++) {
      let v = dst[s]! * scale;
      if (v < F) v = F;
      dst[s] = v;
      dot += v * sigma[s]!;
      dstCol[cls[s]!] = dstCol[cls[s]!]! + v;
    }
    dstRow[i] = dot;
    sum -= Math.log(dot);
  }
  return sum + uniformKlSum(dstCol, n, K, lambda);
}

/** res_head = g − x and its dot products with the `count` newest residuals. */
function residualAndGram(
  set: WorkingSet,
  g: Float64Array,
  head: number,
  count: number,
  depth: number,
  size: number,
): void {
  const res = set.residuals[head]!;
  const x = set.x;
  for (let e = 0; e < size; e++) res[e] = g[e]! - x[e]!;
  for (let age = 0; age < count; age++) {
    const slot = (head - age + depth) % depth;
    const other = set.residuals[slot]!;
    let dot = 0;
    for (let e = 0; e < size; e++) dot += res[e]! * other[e]!;
    set.gram[head * depth + slot] = dot;
    set.gram[slot * depth + head] = dot;
  }
}

/** trial = Σ_t α_t g_t, floored, each row scaled to its working mass. */
function combine(
  set: WorkingSet,
  head: number,
  count: number,
  depth: number,
  n: number,
): void {
  const { trial, weights, start } = set;
  const size = start[n]!;
  trial.fill(0, 0, size);
  for (let age = 0; age < count; age++) {
    const g = set.images[(head - age + depth) % depth]!;
    const w = weights[age]!;
    for (let e = 0; e < size; e++) trial[e] = trial[e]! + w * g[e]!;
  }
  for (let i = 0; i < n; i++) {
    const base = start[i]!;
    const end = start[i + 1]!;
    let total = 0;
    for (let s = base; s < end; s++) {
      let v = trial[s]!;
      if (!(v > FLOOR)) v = FLOOR;
      trial[s] = v;
      total += v;
    }
    const scale = set.mass[i]! / total;
    for (let s = base; s < end; s++) {
      let v = trial[s]! * scale;
      if (v < FLOOR) v = FLOOR;
      trial[s] = v;
    }
  }
}
