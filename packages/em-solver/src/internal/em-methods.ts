// Plain EM and the safeguarded accelerated EM ('em-accelerated') for the
// collision and reverse problems; both call the fused maps of em-maps.ts.
import {
  ANDERSON_MEMORY,
  ANDERSON_MIN_CLASSES,
  PSEUDO_LABEL_FLOOR,
} from '../constants.js';
import type { EmMap } from './em-maps.js';
import {
  type EmScan,
  KEEP_EVERY_TRIAL,
  MAX_OMEGA_EXPONENT,
  RELAXED_BACKOFF,
  RELAXED_GROWTH,
  RELAXED_RESTART,
} from './em-scan.js';
import { collisionModel, priceUniform, type SmoothModel } from './models.js';
import { runWorkingSets, usesWorkingSets } from './working-set.js';
import {
  capCheck,
  finish,
  type RunContext,
  report,
  stopCheck,
  type Workspace,
} from './workspace.js';

/** NOTE [imported constants in hot loops] in em-maps.ts. */
const FLOOR = PSEUDO_LABEL_FLOOR;

/*
 * NOTE [EM as a multiplicative update]
 * Write a_ik = −∂Φ/∂y_ik > 0 for the summed objective Φ = N·F. For the
 * collision problem a_ik = σ_ik/d_i + β_k with d_i = y_i·σ_i and
 * β_k = (λN/K)/col_k. Since Σ_k y_ik σ_ik/d_i = 1, the M-step of DESIGN.md,
 * y_ik ← (S_ik + (λN/K) M_ik) / (1 + (λN/K) Σ_c M_ic), equals
 * y_ik ← y_ik a_ik / Σ_c y_ic a_ic: EM multiplies each entry by its "EM
 * ratio" g_ik = a_ik / (y_i·a_i) (reverse: a_ik = σ_ik/y_ik + β_k, same form).
 * The MM bound behind it, for the 1/N-normalised F: Jensen on the concave
 * ln with weights S_ik gives −ln Σ_k y_ik σ_ik ≤ −Σ_k S_ik ln(y_ik σ_ik/S_ik),
 * and with weights M_ik, −ln ȳ_k ≤ −Σ_i M_ik ln(y_ik/M_ik) + ln N; so
 * N·F(y) ≤ −Σ_ik (S_ik + (λN/K) M_ik) ln y_ik + const, equal at the current
 * point, minimised row by row by the M-step above: λ enters as λN/K exactly
 * because F averages the data term over N rows but not the prior.
 * A fixed point has a_ik equal on the support of each row: the KKT
 * condition. Over-relaxation raises the ratio to a power ω > 1,
 * y_ik ← y_ik g_ik^ω / Z_i: a longer step along the same multiplicative
 * (mirror-descent-like) direction. ω = 2^j so g^ω costs j squarings instead
 * of exp and log per entry; the ratio is divided by its row maximum first so
 * no power overflows, and entries are floored at PSEUDO_LABEL_FLOOR so an
 * underflowed entry can grow back.
 */

/** Plain EM: Φ never increases (up to rounding). */
export function runEm(ctx: RunContext, model: SmoothModel, map: EmMap): void {
  const { ws, n, lambda } = ctx;
  const numClasses = ws.numClasses;
  let y = ws.y;
  let z = ws.z;
  let row = ws.rowA;
  let row2 = ws.rowB;
  let col = ws.colA;
  let col2 = ws.colB;
  let phi = model.evaluate(ws.data, y, n, numClasses, lambda, row, col);
  report(ctx, 0, phi);
  let it = 0;
  let reason = capCheck(ctx, 0);
  while (reason === null) {
    const next = map(
      ws.data,
      y,
      n,
      numClasses,
      lambda,
      row,
      col,
      z,
      row2,
      col2,
      ws.scratch,
      1,
    );
    const t = y;
    y = z;
    z = t;
    const tr = row;
    row = row2;
    row2 = tr;
    const tc = col;
    col = col2;
    col2 = tc;
    const previous = phi;
    phi = next;
    it++;
    report(ctx, it, phi);
    reason = stopCheck(ctx, it, previous, phi);
  }
  finish(ctx, y, phi, it, reason);
}

/*
 * NOTE [three phases of em-accelerated]
 * 1. ω search (SEARCHES iterations): one read-only pass (em-scan.ts) prices
 *    three over-relaxed steps ω = 2^j, first j = 1, 4, 7 (ω = 2, 16, 128),
 *    then the winner and its neighbours; the pass also writes the trial
 *    it guesses will win (all three where they fit in cache), so the
 *    winner usually needs no second pass.
 *    Where the optimum is nearly one-hot (small λ) this reaches a 1e-4 gap
 *    in one or two iterations: the best first ω is often 100× the ω = 4 a
 *    blind schedule starts from.
 * 2. Over-relaxed EM: ω starts at the last winner, doubles after each
 *    decrease until the first increase, then grows ×1.5 (when the last
 *    search found 2^(j + 1) worse than its winner 2^j, the first step does
 *    not double ω: N = 256, K = 10, λ = 1 reaches 1e-4 in 4 iterations
 *    instead of 5, with its first doubled step rejected); a proposal that
 *    raises Φ is replaced by the plain EM step and ω restarts at a quarter
 *    of the rejected ω (at least 1.5). One
 *    pass per iteration (two after a rejection) instead of a search's four.
 * 3. Anderson (only K >= ANDERSON_MIN_CLASSES): where the rows are strongly
 *    coupled through the class sums (large λN/K, large K) the EM direction
 *    itself is poor and the decrease shrinks geometrically. Once two
 *    successive decreases of phase 2 each keep more than SLOW_RATIO of the
 *    one before, type-II Anderson acceleration of the plain EM map G with
 *    memory m (ANDERSON_MEMORY) takes over: with the last m + 1 pairs
 *    (x_t, G(x_t)) and residuals r_t = G(x_t) − x_t, the weights α (Σα = 1)
 *    minimise ‖Σ α_t r_t‖ and the trial point is Σ α_t G(x_t), floored and
 *    renormalised row by row. It is kept only if its Φ is no higher than
 *    Φ(G(x)); otherwise G(x) is taken and the history restarts from the
 *    newest pair; REJECT_STREAK rejections in a row return to phase 2.
 * The collision problem with many classes (usesWorkingSets: K >= 500, or
 * K >= 100 with N <= 20·K) leaves after phase 1 for the working-set phase
 * instead (NOTE [working sets] in working-set.ts); phases 2 and 3 then
 * serve the reverse problem and the collision problem with fewer classes.
 * Every accepted point is an EM step (which never increases Φ), a proposal
 * checked against the current Φ, or a point no worse than an EM step, so Φ
 * never increases.
 * E3 prototype (float64, N = 256…1024): on K = 1000, λ = 10 Anderson needs
 * about 140 iterations where over-relaxed EM had not reached the gap after
 * 600; on K = 10 and 100 it saves few iterations and each costs several EM
 * passes of vector work, hence the class threshold.
 */

/** A decrease ratio in (SLOW_RATIO, 1] counts as slow linear convergence. */
const SLOW_RATIO = 0.8;
/** Slow iterations in a row that switch over-relaxed EM to Anderson. */
const SLOW_STREAK = 2;
/**
 * ω searches before the cheaper over-relaxed EM takes over: a search costs
 * about four plain EM steps and pays off in the first steps, where the
 * best ω can be 100× the last one.
 */
const SEARCHES = 2;
/** Rejected Anderson trials in a row that switch back to over-relaxed EM. */
const REJECT_STREAK = 3;
/** First ω search (and after a switch back): exponents COARSE_LOW + 0, 1, 2 × COARSE_STEP. */
const COARSE_LOW = 1;
const COARSE_STEP = 3;
/** Later ω searches: exponents j* − WINDOW, j*, j* + WINDOW. */
const WINDOW = 1;
/*
 * The coarse search stops at ω = 128 (1 + 2·3 = 7): a larger first step
 * crushes entries of the optimum's support to the floor, from where EM
 * climbs back only by a bounded factor per iteration.
 */
/**
 * Over-relaxed EM: ω ×FAST_GROWTH per decrease until the first increase,
 * then the schedule of RELAXED_GROWTH (em-scan.ts).
 */
const FAST_GROWTH = 2;
/** Tikhonov shift of the Anderson Gram matrix, relative to its trace. */
const GRAM_SHIFT = 1e-8;

/** Row and class statistics of a point (buffers rotate between points). */
interface Stats {
  row: Float64Array;
  col: Float64Array;
}

/** The iterate of em-accelerated, its statistics and Φ. */
interface Point extends Stats {
  y: Float64Array;
  phi: number;
}

/**
 * Makes (y, stats, phi) the iterate; the iterate's old statistics buffers
 * move into `stats`, free for the next point written there.
 */
function accept(p: Point, y: Float64Array, stats: Stats, phi: number): void {
  const { row, col } = p;
  p.y = y;
  p.row = stats.row;
  p.col = stats.col;
  p.phi = phi;
  stats.row = row;
  stats.col = col;
}

/**
 * Accelerated EM (NOTE [three phases of em-accelerated]): Φ never increases,
 * by construction.
 */
export function runEmAccelerated(
  ctx: RunContext,
  model: SmoothModel,
  map: EmMap,
  scan: EmScan,
): void {
  const { ws, n, lambda } = ctx;
  const K = ws.numClasses;
  const size = n * K;
  const depth = ANDERSON_MEMORY + 1;
  const p: Point = { y: ws.y, row: ws.rowA, col: ws.colA, phi: 0 };
  p.phi = model.evaluate(ws.data, p.y, n, K, lambda, p.row, p.col);
  // statistics of EM steps and ω-search outputs, and of Anderson trials
  const image: Stats = { row: ws.rowB, col: ws.colB };
  const trial: Stats = { row: ws.rowC, col: ws.colC };
  /** The (over-relaxed) EM step from the iterate into dst; returns its Φ. */
  const emStep = (dst: Float64Array, omega: number) =>
    map(
      ws.data,
      p.y,
      n,
      K,
      lambda,
      p.row,
      p.col,
      dst,
      image.row,
      image.col,
      ws.scratch,
      omega,
    );
  report(ctx, 0, p.phi);
  let it = 0;
  let reason = capCheck(ctx, 0);
  let anderson = false;
  let relaxed = false;
  let lo = COARSE_LOW;
  let step = COARSE_STEP;
  let searches = 0;
  let omega = 1;
  let growth = FAST_GROWTH;
  let hold = 0;
  const keepsTrials = ws.scan.points.length === 3;
  let lastDecrease = Number.NaN;
  let slow = 0;
  let head = -1;
  let count = 0;
  let rejected = 0;
  // NOTE [working sets]: the collision problem with many classes
  const set =
    model === collisionModel && usesWorkingSets(n, K)
      ? ws.workingSet
      : undefined;
  while (reason === null) {
    const previous = p.phi;
    // Trial points and ω-search outputs go where the iterate is not.
    const spare = p.y === ws.y ? ws.z : ws.y;
    if (!anderson && !relaxed) {
      priceUniform(p.col, n, K, lambda, ws.scratch);
      // coarse search: guess the largest trial (small λ wants big steps);
      // later: keep every trial where they fit in cache (NOTE [keeping
      // every trial] in em-scan.ts), else guess the last winner, the middle
      const keep = step === 1 && keepsTrials;
      const written = scan(
        ws.data,
        p.y,
        n,
        K,
        lambda,
        p.row,
        ws.scratch,
        lo,
        step,
        ws.scan,
        ws.trials,
        spare,
        image.row,
        image.col,
        keep ? KEEP_EVERY_TRIAL : step === 1 ? 1 : 2,
      );
      let best = 0;
      let bestValue = Number.POSITIVE_INFINITY;
      for (let j = lo; j <= lo + 2 * step; j += step) {
        const v = ws.trials[j]!;
        if (v < bestValue) {
          bestValue = v;
          best = j;
        }
      }
      if (!(bestValue < p.phi)) best = 0;
      // the scan already wrote the guessed trial (with its statistics), or
      // kept every trial
      let next: number;
      if (bestValue < p.phi && best === written) next = bestValue;
      else if (bestValue < p.phi && keep) {
        const t = (best - lo) / step;
        spare.set(ws.scan.points[t]!.subarray(0, size));
        image.row.set(ws.scan.rows[t]!.subarray(0, n));
        image.col.set(ws.scan.cols.subarray(best * K, best * K + K));
        next = bestValue;
      } else next = emStep(spare, 2 ** best);
      if (!(next <= p.phi) && best > 0) {
        best = 0;
        next = emStep(spare, 1);
      }
      if (!(next <= p.phi)) {
        reason = 'stalled';
        break;
      }
      const top = lo + 2 * step;
      lo = Math.min(
        Math.max(0, best - WINDOW),
        MAX_OMEGA_EXPONENT - 2 * WINDOW,
      );
      step = WINDOW;
      accept(p, spare, image, next);
      searches++;
      if (searches >= SEARCHES && set !== undefined) {
        it++;
        report(ctx, it, p.phi);
        reason = stopCheck(ctx, it, previous, p.phi);
        if (reason !== null) break;
        runWorkingSets(ctx, set, map, andersonWeights, p, image, it, 2 ** best);
        return;
      }
      if (searches >= SEARCHES) {
        relaxed = true;
        omega = 2 ** best;
        growth = FAST_GROWTH;
        // the search just found 2^(best + 1) worse than 2^best: do not
        // double ω after the first over-relaxed step
        hold = best < top ? 1 : 0;
        lastDecrease = Number.NaN;
        slow = 0;
      }
    } else if (relaxed) {
      const power = Math.round(omega);
      let next = emStep(spare, power);
      if (next <= p.phi) {
        if (hold > 0) hold--;
        else omega = Math.min(omega * growth, 2 ** MAX_OMEGA_EXPONENT);
      } else {
        omega = Math.max(RELAXED_RESTART, power / RELAXED_BACKOFF);
        growth = RELAXED_GROWTH;
        if (power > 1) next = emStep(spare, 1);
        if (!(next <= p.phi)) {
          reason = 'stalled';
          break;
        }
      }
      accept(p, spare, image, next);
      const decrease = previous - next;
      const ratio = decrease / lastDecrease;
      slow = ratio > SLOW_RATIO && ratio <= 1 ? slow + 1 : 0;
      lastDecrease = decrease;
      if (slow >= SLOW_STREAK && K >= ANDERSON_MIN_CLASSES) {
        relaxed = false;
        anderson = true;
        count = 0;
        rejected = 0;
      }
    } else {
      head = (head + 1) % depth;
      const g = ws.images[head]!;
      const next = emStep(g, 1);
      if (!(next <= p.phi)) {
        reason = 'stalled';
        break;
      }
      count = Math.min(count + 1, depth);
      residualAndGram(ws, g, p.y, head, count, depth, size);
      let accepted = false;
      if (count >= 2 && andersonWeights(ws, head, count, depth)) {
        combine(ws, spare, head, count, depth, n, K);
        const value = model.evaluate(
          ws.data,
          spare,
          n,
          K,
          lambda,
          trial.row,
          trial.col,
        );
        if (value <= next) {
          accept(p, spare, trial, value);
          accepted = true;
          rejected = 0;
        } else {
          count = 1;
          rejected++;
        }
      }
      if (!accepted) accept(p, g, image, next);
      if (rejected >= REJECT_STREAK) {
        // Anderson does not fit here (e.g. entries decaying at many rates):
        // back to over-relaxed EM, which may switch again later.
        anderson = false;
        relaxed = true;
        omega = RELAXED_RESTART;
        growth = RELAXED_GROWTH;
        slow = 0;
        lastDecrease = Number.NaN;
      }
    }
    it++;
    report(ctx, it, p.phi);
    reason = stopCheck(ctx, it, previous, p.phi);
  }
  finish(ctx, p.y, p.phi, it, reason);
}

/**
 * Solves (Gram + δI) w = 1 over the `count` newest slots and stores
 * α = w / Σw in ws.weights (by age: 0 = newest); false if it is singular.
 */
function andersonWeights(
  ws: { gram: Float64Array; system: Float64Array; weights: Float64Array },
  head: number,
  count: number,
  depth: number,
): boolean {
  const a = ws.system;
  const w = ws.weights;
  const stride = count + 1;
  let trace = 0;
  for (let c = 0; c < count; c++) {
    const s = slotBack(head, c, depth);
    trace += ws.gram[s * depth + s]!;
  }
  const shift = GRAM_SHIFT * trace;
  for (let p = 0; p < count; p++) {
    const sp = slotBack(head, p, depth);
    for (let q = 0; q < count; q++) {
      const sq = slotBack(head, q, depth);
      a[p * stride + q] = ws.gram[sp * depth + sq]! + (p === q ? shift : 0);
    }
    a[p * stride + count] = 1;
  }
  // Gaussian elimination with partial pivoting on the count × (count + 1) system.
  for (let p = 0; p < count; p++) {
    let pivot = p;
    for (let q = p + 1; q < count; q++) {
      if (Math.abs(a[q * stride + p]!) > Math.abs(a[pivot * stride + p]!))
        pivot = q;
    }
    if (!(Math.abs(a[pivot * stride + p]!) > 0)) return false;
    if (pivot !== p) {
      for (let c = p; c <= count; c++) {
        const t = a[p * stride + c]!;
        a[p * stride + c] = a[pivot * stride + c]!;
        a[pivot * stride + c] = t;
      }
    }
    for (let q = p + 1; q < count; q++) {
      const f = a[q * stride + p]! / a[p * stride + p]!;
      for (let c = p; c <= count; c++)
        a[q * stride + c] = a[q * stride + c]! - f * a[p * stride + c]!;
    }
  }
  let total = 0;
  for (let p = count - 1; p >= 0; p--) {
    let v = a[p * stride + count]!;
    for (let c = p + 1; c < count; c++) v -= a[p * stride + c]! * w[c]!;
    w[p] = v / a[p * stride + p]!;
    total += w[p]!;
  }
  if (!Number.isFinite(total) || total === 0) return false;
  for (let p = 0; p < count; p++) w[p] = w[p]! / total;
  return true;
}

/*
 * NOTE [fused Anderson passes]
 * An Anderson iteration streams N×K arrays; written as separate loops
 * (residual, one dot product per slot, scale, one add per slot, normalise)
 * it read or wrote 26 of them besides the EM step. Two fused passes below
 * do the same arithmetic in the same order (the results are bit for bit
 * those of the separate loops) from 11: the residual with every Gram entry
 * of its row of the matrix, and the combination with its normalisation,
 * row by row while the row is in cache. Slots beyond `count` are filled
 * with weight 0 (or a dot product nobody reads), which leaves each sum
 * unchanged: x + 0·g = x for the finite, nonnegative entries here.
 */

/** The fused passes take at most this many slots. */
const FUSED_SLOTS = 4;
if (ANDERSON_MEMORY + 1 > FUSED_SLOTS) {
  throw new Error(
    `em-accelerated: ANDERSON_MEMORY + 1 must be at most ${FUSED_SLOTS}, got ${ANDERSON_MEMORY + 1}`,
  );
}

/** The slot `age` steps before `head` in a ring of `depth` slots. */
function slotBack(head: number, age: number, depth: number): number {
  return (head - age + depth) % depth;
}

/** Stores the symmetric Gram entry of `head` and the slot `age` back. */
function setGram(
  ws: Workspace,
  head: number,
  age: number,
  depth: number,
  dot: number,
): void {
  const slot = slotBack(head, age, depth);
  ws.gram[head * depth + slot] = dot;
  ws.gram[slot * depth + head] = dot;
}

/**
 * res_head = g − y, and gram[head, slot] = res_head · res_slot for the
 * `count` newest slots, with two partial sums (even and odd entries) each.
 */
function residualAndGram(
  ws: Workspace,
  g: Float64Array,
  y: Float64Array,
  head: number,
  count: number,
  depth: number,
  size: number,
): void {
  const res = ws.residuals[head]!;
  // the older residuals (slot c = 1, 2, 3 back); unused ones alias res
  const r1 = count > 1 ? ws.residuals[slotBack(head, 1, depth)]! : res;
  const r2 = count > 2 ? ws.residuals[slotBack(head, 2, depth)]! : res;
  const r3 = count > 3 ? ws.residuals[slotBack(head, 3, depth)]! : res;
  let a0 = 0;
  let b0 = 0;
  let a1 = 0;
  let b1 = 0;
  let a2 = 0;
  let b2 = 0;
  let a3 = 0;
  let b3 = 0;
  let e = 0;
  for (; e + 2 <= size; e += 2) {
    const u = g[e]! - y[e]!;
    const v = g[e + 1]! - y[e + 1]!;
    res[e] = u;
    res[e + 1] = v;
    a0 += u * u;
    b0 += v * v;
    a1 += u * r1[e]!;
    b1 += v * r1[e + 1]!;
    a2 += u * r2[e]!;
    b2 += v * r2[e + 1]!;
    a3 += u * r3[e]!;
    b3 += v * r3[e + 1]!;
  }
  if (e < size) {
    const u = g[e]! - y[e]!;
    res[e] = u;
    a0 += u * u;
    a1 += u * r1[e]!;
    a2 += u * r2[e]!;
    a3 += u * r3[e]!;
  }
  // no array of the four sums: an iteration allocates nothing
  setGram(ws, head, 0, depth, a0 + b0);
  if (count > 1) setGram(ws, head, 1, depth, a1 + b1);
  if (count > 2) setGram(ws, head, 2, depth, a2 + b2);
  if (count > 3) setGram(ws, head, 3, depth, a3 + b3);
}

/**
 * trial = Σ_t α_t G(x_t) (newest first), floored at PSEUDO_LABEL_FLOOR,
 * rows scaled to sum 1.
 */
function combine(
  ws: Workspace,
  trial: Float64Array,
  head: number,
  count: number,
  depth: number,
  n: number,
  K: number,
): void {
  const F = FLOOR;
  const g0 = ws.images[head]!;
  const g1 = count > 1 ? ws.images[slotBack(head, 1, depth)]! : g0;
  const g2 = count > 2 ? ws.images[slotBack(head, 2, depth)]! : g0;
  const g3 = count > 3 ? ws.images[slotBack(head, 3, depth)]! : g0;
  const w = ws.weights;
  const w0 = w[0]!;
  const w1 = count > 1 ? w[1]! : 0;
  const w2 = count > 2 ? w[2]! : 0;
  const w3 = count > 3 ? w[3]! : 0;
  for (let i = 0; i < n; i++) {
    const r = i * K;
    let total = 0;
    for (let j = r; j < r + K; j++) {
      let v = w0 * g0[j]! + w1 * g1[j]! + w2 * g2[j]! + w3 * g3[j]!;
      if (!(v > F)) v = F;
      trial[j] = v;
      total += v;
    }
    const inv = 1 / total;
    for (let j = r; j < r + K; j++) {
      let v = trial[j]! * inv;
      if (v < F) v = F;
      trial[j] = v;
    }
  }
}
