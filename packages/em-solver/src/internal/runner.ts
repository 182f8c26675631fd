// The engine behind createSolver and solvePseudoLabels: settings checks,
// loading σ and the warm start into float64 buffers, dispatch to a method
// loop, and writing the result back in place.
import { CceError, formatValue } from '@cce/errors';
import {
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_ROW_SUM_TOLERANCE,
  DEFAULT_SELA_EPSILON,
  DEFAULT_TOLERANCE,
  PROB_LOG_FLOOR,
} from '../constants.js';
import type {
  IterationCallback,
  ProbArray,
  PseudoLabelMethod,
  PseudoLabelObjective,
  SolverSettings,
  SolveSummary,
} from '../types.js';
import { solveClosedForm } from './closed-form.js';
import { collisionEmMap, reverseEmMap } from './em-maps.js';
import { runEm, runEmAccelerated } from './em-methods.js';
import { collisionScan, reverseScan } from './em-scan.js';
import { runPgd, runPgdFixed, runSpg } from './gradient-methods.js';
import {
  collisionModel,
  forwardModel,
  reverseModel,
  type SmoothModel,
} from './models.js';
import { columnSums, marginalError } from './priors.js';
import { prepareSelaKernel, runSinkhorn } from './sinkhorn.js';
import {
  checkLambda,
  checkMethod,
  checkNumber,
  checkObjective,
  checkRows,
  checkTypedArray,
  DEFAULT_METHOD,
  RULES,
} from './validate.js';
import { type RunContext, Workspace } from './workspace.js';

/** NOTE [imported constants in hot loops] in em-maps.ts. */
const LOG_FLOOR = PROB_LOG_FLOOR;

/** Settings after defaults and checks. */
export interface ResolvedSettings {
  lambda: number;
  tol: number;
  maxIter: number;
  timeBudgetMs: number;
  epsilon: number;
  stepSize: number;
  validate: boolean;
  rowSumTolerance: number;
  onIteration: IterationCallback | undefined;
}

/** The per-call settings a solve may override. */
export type SolveOverrides = Pick<
  SolverSettings,
  | 'lambda'
  | 'tol'
  | 'maxIter'
  | 'timeBudgetMs'
  | 'epsilon'
  | 'stepSize'
  | 'onIteration'
>;

/** Checks every given setting and fills in the defaults. */
export function resolveSettings(
  fn: string,
  objective: PseudoLabelObjective,
  s: SolverSettings,
): ResolvedSettings {
  const sela = objective === 'sela';
  return {
    lambda: checkLambda(fn, s.lambda, sela),
    tol: checkNumber(fn, 'tol', s.tol ?? DEFAULT_TOLERANCE, RULES.nonNegative),
    maxIter: checkNumber(
      fn,
      'maxIter',
      s.maxIter ?? DEFAULT_MAX_ITERATIONS,
      RULES.count,
    ),
    timeBudgetMs: checkNumber(
      fn,
      'timeBudgetMs',
      s.timeBudgetMs ?? Infinity,
      RULES.budget,
    ),
    epsilon: checkNumber(
      fn,
      'epsilon',
      s.epsilon ?? DEFAULT_SELA_EPSILON,
      RULES.positive,
    ),
    stepSize:
      s.stepSize === undefined
        ? Number.NaN
        : checkNumber(fn, 'stepSize', s.stepSize, RULES.positive),
    validate: s.validate ?? true,
    rowSumTolerance: checkNumber(
      fn,
      'rowSumTolerance',
      s.rowSumTolerance ?? DEFAULT_ROW_SUM_TOLERANCE,
      RULES.nonNegative,
    ),
    onIteration: checkCallback(fn, s.onIteration),
  };
}

function checkCallback(
  fn: string,
  callback: unknown,
): IterationCallback | undefined {
  if (callback !== undefined && typeof callback !== 'function') {
    throw new CceError({
      fn,
      argument: 'onIteration',
      expected: 'a function or undefined',
      received: formatValue(callback),
    });
  }
  return callback as IterationCallback | undefined;
}

/** Resolves objective and method (with the per-objective default method). */
export function resolveProblem(
  fn: string,
  objective: unknown,
  method: unknown,
): { objective: PseudoLabelObjective; method: PseudoLabelMethod } {
  const o = checkObjective(fn, objective ?? 'collision');
  return {
    objective: o,
    method: checkMethod(fn, o, method ?? DEFAULT_METHOD[o]),
  };
}

const MODELS: Record<Exclude<PseudoLabelObjective, 'sela'>, SmoothModel> = {
  collision: collisionModel,
  reverse: reverseModel,
  forward: forwardModel,
};

/** A reusable solver: buffers, a run context and a summary object. */
export class Runner {
  readonly ws: Workspace;
  readonly objective: PseudoLabelObjective;
  readonly method: PseudoLabelMethod;
  readonly base: ResolvedSettings;
  private readonly ctx: RunContext;
  private readonly summary: SolveSummary;

  constructor(
    numClasses: number,
    maxRows: number,
    objective: PseudoLabelObjective,
    method: PseudoLabelMethod,
    base: ResolvedSettings,
  ) {
    this.ws = new Workspace(numClasses, maxRows, method, objective);
    this.objective = objective;
    this.method = method;
    this.base = base;
    this.ctx = {
      ws: this.ws,
      n: 0,
      ...base,
      start: 0,
      result: this.ws.y,
      phi: Number.NaN,
      iterations: 0,
      stopReason: 'max-iterations',
    };
    this.summary = {
      objectiveValue: Number.NaN,
      iterations: 0,
      stopReason: 'max-iterations',
      marginalError: Number.NaN,
      elapsedMs: 0,
    };
  }

  /**
   * Solves rows [0, n) of probs, warm-started from (and writing to)
   * pseudoLabels. Returns the runner's one summary object, overwritten by
   * the next call.
   */
  solve(
    fn: string,
    initArgument: string,
    probs: ProbArray,
    pseudoLabels: ProbArray,
    n: number,
    overrides: SolveOverrides | undefined,
  ): SolveSummary {
    this.applySettings(fn, overrides);
    this.load(fn, initArgument, probs, pseudoLabels, n);
    const ctx = this.ctx;
    ctx.start = performance.now();
    this.dispatch(fn);
    const size = n * this.ws.numClasses;
    for (let j = 0; j < size; j++) pseudoLabels[j] = ctx.result[j]!;
    return this.summarise();
  }

  private applySettings(fn: string, o: SolveOverrides | undefined): void {
    const ctx = this.ctx;
    const base = this.base;
    const sela = this.objective === 'sela';
    ctx.lambda =
      o?.lambda === undefined ? base.lambda : checkLambda(fn, o.lambda, sela);
    ctx.tol =
      o?.tol === undefined
        ? base.tol
        : checkNumber(fn, 'tol', o.tol, RULES.nonNegative);
    ctx.maxIter =
      o?.maxIter === undefined
        ? base.maxIter
        : checkNumber(fn, 'maxIter', o.maxIter, RULES.count);
    ctx.timeBudgetMs =
      o?.timeBudgetMs === undefined
        ? base.timeBudgetMs
        : checkNumber(fn, 'timeBudgetMs', o.timeBudgetMs, RULES.budget);
    ctx.epsilon =
      o?.epsilon === undefined
        ? base.epsilon
        : checkNumber(fn, 'epsilon', o.epsilon, RULES.positive);
    ctx.stepSize =
      o?.stepSize === undefined
        ? base.stepSize
        : checkNumber(fn, 'stepSize', o.stepSize, RULES.positive);
    ctx.onIteration =
      o?.onIteration === undefined
        ? base.onIteration
        : checkCallback(fn, o.onIteration);
  }

  // LIMITATION(L-004): forward costs read σ < PROB_LOG_FLOOR as the floor.
  // LIMITATION(L-007): Float32Array results are rounded on the copy out.
  private load(
    fn: string,
    initArgument: string,
    probs: ProbArray,
    pseudoLabels: ProbArray,
    n: number,
  ): void {
    const { ws, objective, method } = this;
    const K = ws.numClasses;
    checkNumber(fn, 'n', n, RULES.rows);
    if (n > ws.maxRows) {
      throw new CceError({
        fn,
        argument: 'n',
        expected: `at most maxRows (${ws.maxRows})`,
        received: String(n),
      });
    }
    checkLength(fn, 'probs', checkTypedArray(fn, 'probs', probs), n, K);
    checkLength(
      fn,
      initArgument,
      checkTypedArray(fn, initArgument, pseudoLabels),
      n,
      K,
    );
    const emType = method === 'em' || method === 'em-accelerated';
    if (this.base.validate) {
      const tolerance = this.base.rowSumTolerance;
      checkRows(fn, 'probs', probs, n, K, tolerance);
      if (method !== 'sinkhorn') {
        checkRows(fn, initArgument, pseudoLabels, n, K, tolerance, emType);
      }
    }
    const size = n * K;
    const data = ws.data;
    if (objective === 'forward') {
      for (let j = 0; j < size; j++)
        data[j] = -Math.log(Math.max(probs[j]!, LOG_FLOOR));
    } else {
      for (let j = 0; j < size; j++) data[j] = probs[j]!;
    }
    if (method !== 'sinkhorn') {
      for (let j = 0; j < size; j++) ws.y[j] = pseudoLabels[j]!;
    }
    this.ctx.n = n;
  }

  private dispatch(fn: string): void {
    const { ctx, objective, method } = this;
    if (objective === 'sela') {
      prepareSelaKernel(ctx, fn);
      runSinkhorn(ctx, fn);
      return;
    }
    const model = MODELS[objective];
    if (ctx.lambda === 0) {
      solveClosedForm(ctx, objective, model);
      return;
    }
    const map = objective === 'reverse' ? reverseEmMap : collisionEmMap;
    if (method === 'em') runEm(ctx, model, map);
    else if (method === 'em-accelerated') {
      const scan = objective === 'reverse' ? reverseScan : collisionScan;
      runEmAccelerated(ctx, model, map, scan);
    } else if (method === 'pgd') runPgd(ctx, model);
    else if (method === 'pgd-fixed') runPgdFixed(ctx, model);
    else runSpg(ctx, model);
  }

  private summarise(): SolveSummary {
    const { ctx, ws, summary } = this;
    columnSums(ctx.result, ctx.n, ws.numClasses, ws.colA);
    summary.objectiveValue = ctx.phi / ctx.n;
    summary.iterations = ctx.iterations;
    summary.stopReason = ctx.stopReason;
    summary.marginalError = marginalError(ws.colA, ctx.n, ws.numClasses);
    summary.elapsedMs = performance.now() - ctx.start;
    return summary;
  }
}

function checkLength(
  fn: string,
  argument: string,
  array: ProbArray,
  n: number,
  K: number,
): void {
  if (array.length < n * K) {
    throw new CceError({
      fn,
      argument,
      expected: `at least n·numClasses = ${n * K} entries`,
      received: `length ${array.length}`,
    });
  }
}
