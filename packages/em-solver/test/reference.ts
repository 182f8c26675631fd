// Plain float64 references for the tests, written from DESIGN.md's
// formulas on number[][] rows, independent of src/: the objectives, their
// gradients, textbook EM and Sinkhorn, and seeded random instances.

export type Rows = number[][];
export type Objective = 'collision' | 'reverse' | 'forward' | 'sela';

/** Mulberry32: a small seeded generator of uniforms in [0, 1). */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** σ_i = softmax(scale·z_i), z_i standard Gaussian (Box–Muller). */
export function randomProbs(n: number, K: number, scale: number, seed: number) {
  const rng = makeRng(seed);
  const rows: Rows = [];
  for (let i = 0; i < n; i++) {
    const logits = Array.from({ length: K }, () => {
      const u = 1 - rng();
      return (
        scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng())
      );
    });
    const top = Math.max(...logits);
    const e = logits.map((l) => Math.exp(l - top));
    const total = e.reduce((s, v) => s + v, 0);
    rows.push(e.map((v) => v / total));
  }
  return rows;
}

export function toRows(flat: ArrayLike<number>, K: number): Rows {
  const rows: Rows = [];
  for (let r = 0; r < flat.length; r += K) {
    rows.push(Array.from({ length: K }, (_, k) => flat[r + k]!));
  }
  return rows;
}

export function flatten(rows: Rows): Float64Array {
  return Float64Array.from(rows.flat());
}

/** ȳ_k = mean_i y_ik. */
export function meanRow(y: Rows): number[] {
  const K = y[0]!.length;
  const m = new Array<number>(K).fill(0);
  for (const row of y) row.forEach((v, k) => (m[k]! += v / y.length));
  return m;
}

const dot = (a: number[], b: number[]) =>
  a.reduce((s, v, k) => s + v * b[k]!, 0);

/** KL(u‖ȳ) = Σ_k (1/K) ln((1/K) / ȳ_k). */
export function klUniformToMean(mean: number[]): number {
  const K = mean.length;
  return mean.reduce((s, m) => s + (1 / K) * Math.log(1 / K / m), 0);
}

/** KL(ȳ‖u) = Σ_k ȳ_k ln(ȳ_k / (1/K)), with 0 ln 0 = 0. */
export function klMeanToUniform(mean: number[]): number {
  const K = mean.length;
  return mean.reduce((s, m) => (m > 0 ? s + m * Math.log(m * K) : s), 0);
}

/** F(y) for each objective; sela: mean H(y,σ) − ε mean H(y). */
export function objective(
  kind: Objective,
  sigma: Rows,
  y: Rows,
  lambda: number,
  epsilon = 0.1,
): number {
  const n = sigma.length;
  let data = 0;
  for (let i = 0; i < n; i++) {
    const s = sigma[i]!;
    const t = y[i]!;
    if (kind === 'collision') data += -Math.log(dot(t, s));
    else if (kind === 'reverse') {
      data += s.reduce((a, v, k) => (v > 0 ? a - v * Math.log(t[k]!) : a), 0);
    } else {
      data += t.reduce(
        (a, v, k) =>
          v > 0
            ? a +
              v *
                (-Math.log(s[k]!) +
                  (kind === 'sela' ? epsilon * Math.log(v) : 0))
            : a,
        0,
      );
    }
  }
  const mean = meanRow(y);
  if (kind === 'sela') return data / n;
  const prior =
    kind === 'forward' ? klMeanToUniform(mean) : klUniformToMean(mean);
  return data / n + lambda * prior;
}

/** ∂F/∂y_ik of the mean objective (collision, reverse, forward). */
export function gradient(
  kind: Exclude<Objective, 'sela'>,
  sigma: Rows,
  y: Rows,
  lambda: number,
): Rows {
  const n = sigma.length;
  const K = sigma[0]!.length;
  const mean = meanRow(y);
  return y.map((t, i) => {
    const s = sigma[i]!;
    const d = dot(t, s);
    return t.map((v, k) => {
      if (kind === 'collision') {
        // d/dy_ik [−ln(y_i·σ_i)/N − (λ/K) Σ_c ln ȳ_c], ∂ȳ_k/∂y_ik = 1/N
        return -s[k]! / d / n - lambda / (K * n * mean[k]!);
      }
      if (kind === 'reverse') {
        return -s[k]! / v / n - lambda / (K * n * mean[k]!);
      }
      // forward: −ln σ_ik / N + λ (ln(K ȳ_k) + 1) / N
      return (-Math.log(s[k]!) + lambda * (Math.log(K * mean[k]!) + 1)) / n;
    });
  });
}

/**
 * One EM step exactly as DESIGN.md writes it: E-step S_ik ∝ σ_ik y_ik
 * (reverse: S = σ), M_ik = y_ik / Σ_j y_jk; M-step
 * y_ik = (S_ik + (λN/K) M_ik) / (1 + (λN/K) Σ_c M_ic).
 */
export function emStep(
  kind: 'collision' | 'reverse',
  sigma: Rows,
  y: Rows,
  lambda: number,
): Rows {
  const n = sigma.length;
  const K = sigma[0]!.length;
  const colSum = meanRow(y).map((m) => m * n);
  const c = (lambda * n) / K;
  return y.map((t, i) => {
    const s = sigma[i]!;
    const d = dot(t, s);
    const S = kind === 'reverse' ? s : t.map((v, k) => (s[k]! * v) / d);
    const M = t.map((v, k) => v / colSum[k]!);
    const norm = 1 + c * M.reduce((a, v) => a + v, 0);
    return t.map((_, k) => (S[k]! + c * M[k]!) / norm);
  });
}

/** Runs emStep `iterations` times from y0; returns y and F after each. */
export function runEm(
  kind: 'collision' | 'reverse',
  sigma: Rows,
  y0: Rows,
  lambda: number,
  iterations: number,
): { y: Rows; values: number[] } {
  let y = y0;
  const values = [objective(kind, sigma, y, lambda)];
  for (let t = 0; t < iterations; t++) {
    y = emStep(kind, sigma, y, lambda);
    values.push(objective(kind, sigma, y, lambda));
  }
  return { y, values };
}

/**
 * Textbook Sinkhorn–Knopp for min Σ y(−ln σ + ε ln y), rows 1, columns N/K:
 * y = diag(a) G diag(b) with G = σ^(1/ε).
 */
export function sinkhorn(sigma: Rows, epsilon: number, sweeps: number): Rows {
  const n = sigma.length;
  const K = sigma[0]!.length;
  const G = sigma.map((s) => s.map((v) => v ** (1 / epsilon)));
  let b = new Array<number>(K).fill(1);
  let a = new Array<number>(n).fill(1);
  for (let t = 0; t < sweeps; t++) {
    a = G.map((g) => 1 / dot(g, b));
    b = b.map((_, k) => n / K / G.reduce((s, g, i) => s + g[k]! * a[i]!, 0));
  }
  return G.map((g, i) => g.map((v, k) => a[i]! * v * b[k]!));
}

/** Minimises f on [lo, hi] by golden-section search (f unimodal). */
export function goldenSection(
  f: (t: number) => number,
  lo: number,
  hi: number,
  steps = 200,
): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let s = 0; s < steps; s++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}
