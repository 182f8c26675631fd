// Plain float64 references for the tests, written independently of src/:
// dense tables, textbook formulas, brute-force enumeration, a seeded RNG.

/** Mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomLabels(
  random: () => number,
  n: number,
  k: number,
): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * k));
}

/** Renames ids through a random bijection onto random large ids. */
export function renameIds(random: () => number, labels: number[]): number[] {
  const rename = new Map<number, number>();
  const used = new Set<number>();
  for (const x of labels) {
    if (rename.has(x)) continue;
    let id = Math.floor(random() * 1e9);
    while (used.has(id)) id++;
    used.add(id);
    rename.set(x, id);
  }
  return labels.map((x) => rename.get(x)!);
}

/** Dense table `[classes][clusters]` with rows and columns by sorted id. */
export function denseTable(labelsTrue: number[], labelsPred: number[]) {
  const rows = [...new Set(labelsTrue)].sort((x, y) => x - y);
  const cols = [...new Set(labelsPred)].sort((x, y) => x - y);
  const table = rows.map(() => cols.map(() => 0));
  labelsTrue.forEach((t, i) => {
    table[rows.indexOf(t)]![cols.indexOf(labelsPred[i]!)]!++;
  });
  return { rows, cols, table };
}

export function entropy(labels: number[]): number {
  const counts = new Map<number, number>();
  for (const x of labels) counts.set(x, (counts.get(x) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / labels.length;
    h -= p * Math.log(p);
  }
  return h;
}

/** `MI = Σ p_ij ln(p_ij / (p_i p_j))` straight from the definition. */
export function mutualInfo(labelsTrue: number[], labelsPred: number[]) {
  const { table } = denseTable(labelsTrue, labelsPred);
  const n = labelsTrue.length;
  const a = table.map((row) => row.reduce((s, x) => s + x, 0));
  const b = table[0]!.map((_, j) => table.reduce((s, row) => s + row[j]!, 0));
  let mi = 0;
  table.forEach((row, i) => {
    row.forEach((nij, j) => {
      if (nij > 0) mi += (nij / n) * Math.log((n * nij) / (a[i]! * b[j]!));
    });
  });
  return mi;
}

/** Expected MI by averaging MI over every permutation of `labelsPred`. */
export function expectedMutualInfoByPermutations(
  labelsTrue: number[],
  labelsPred: number[],
): number {
  const p = [...labelsPred];
  let sum = 0;
  let count = 0;
  const visit = (k: number): void => {
    if (k === p.length) {
      sum += mutualInfo(labelsTrue, p);
      count++;
      return;
    }
    for (let i = k; i < p.length; i++) {
      [p[k], p[i]] = [p[i]!, p[k]!];
      visit(k + 1);
      [p[k], p[i]] = [p[i]!, p[k]!];
    }
  };
  visit(0);
  return sum / count;
}

/** Expected MI by the full hypergeometric sum with exact-ish log-factorials. */
export function expectedMutualInfoFullSum(
  a: number[],
  b: number[],
  n: number,
): number {
  // ln k! by compensated (Kahan) summation of ln k.
  const lf = [0];
  let carry = 0;
  for (let k = 1; k <= n; k++) {
    const y = Math.log(k) - carry;
    const t = lf[k - 1]! + y;
    carry = t - lf[k - 1]! - y;
    lf.push(t);
  }
  let emi = 0;
  for (const ai of a) {
    for (const bj of b) {
      for (let x = Math.max(1, ai + bj - n); x <= Math.min(ai, bj); x++) {
        const logP =
          lf[ai]! +
          lf[bj]! +
          lf[n - ai]! +
          lf[n - bj]! -
          lf[n]! -
          lf[x]! -
          lf[ai - x]! -
          lf[bj - x]! -
          lf[n - ai - bj + x]!;
        emi += Math.exp(logP) * (x / n) * Math.log((n * x) / (ai * bj));
      }
    }
  }
  return emi;
}

/** Best total over all one-to-one maps of the smaller side, by recursion. */
export function bruteForceAssignment(
  cost: number[],
  rows: number,
  cols: number,
  maximize = false,
): number {
  const transposed = rows > cols;
  const r = transposed ? cols : rows;
  const c = transposed ? rows : cols;
  const at = (i: number, j: number) =>
    transposed ? cost[j * cols + i]! : cost[i * cols + j]!;
  const used = new Array<boolean>(c).fill(false);
  let best = maximize ? -Infinity : Infinity;
  const visit = (i: number, total: number): void => {
    if (i === r) {
      best = maximize ? Math.max(best, total) : Math.min(best, total);
      return;
    }
    for (let j = 0; j < c; j++) {
      if (used[j]) continue;
      used[j] = true;
      visit(i + 1, total + at(i, j));
      used[j] = false;
    }
  };
  visit(0, 0);
  return best;
}

/** Clustering accuracy by brute force over one-to-one cluster→class maps. */
export function bruteForceClusteringAccuracy(
  labelsTrue: number[],
  labelsPred: number[],
): number {
  const { rows, cols, table } = denseTable(labelsTrue, labelsPred);
  const flat = table.flat();
  return (
    bruteForceAssignment(flat, rows.length, cols.length, true) /
    labelsTrue.length
  );
}
