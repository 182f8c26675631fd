// Checks the worked example of pages/concepts/collision-cross-entropy.md
// (and the number quoted in getting-started.md) against a float64 reference
// written here from the formulas, and against @cce/losses with tf.grad.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { collisionCrossEntropy, softCrossEntropy } from '@cce/losses';
import { initRuntime } from '@cce/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCS_ROOT } from './helpers/built-site.js';

const PAGE = readFileSync(
  join(DOCS_ROOT, 'pages', 'concepts', 'collision-cross-entropy.md'),
  'utf8',
);
const LOGITS = [2, 0, -1];
/** The page rounds to 6 decimals. */
const ROUNDING = 5e-7;

interface Row {
  name: string;
  y: number[];
  dot: number;
  shannon: number;
  collision: number;
  gradShannon: number[];
  gradCollision: number[];
}

// "−0.156205" → -0.156205, "1/3" → 0.333…
function parseNumber(text: string): number {
  const clean = text.trim().replace(/\u2212/g, '-');
  const [num, den] = clean.split('/');
  const value = den === undefined ? Number(num) : Number(num) / Number(den);
  if (!Number.isFinite(value)) throw new Error(`not a number: '${text}'`);
  return value;
}

function parseVector(text: string): number[] {
  return text
    .trim()
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map(parseNumber);
}

function parseTable(page: string): Row[] {
  const start = page.indexOf('<!-- worked-example:table:start -->');
  const end = page.indexOf('<!-- worked-example:table:end -->');
  const lines = page
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2); // header and separator
  return lines.map((line) => {
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 7) throw new Error(`bad row: ${line}`);
    return {
      name: cells[0]!.trim(),
      y: parseVector(cells[1]!),
      dot: parseNumber(cells[2]!),
      shannon: parseNumber(cells[3]!),
      collision: parseNumber(cells[4]!),
      gradShannon: parseVector(cells[5]!),
      gradCollision: parseVector(cells[6]!),
    };
  });
}

// Float64 reference straight from the definitions (DESIGN.md).
function softmax64(l: number[]): number[] {
  const m = Math.max(...l);
  const e = l.map((v) => Math.exp(v - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

function reference(y: number[]) {
  const s = softmax64(LOGITS);
  const dot = y.reduce((acc, yk, k) => acc + yk * s[k]!, 0);
  return {
    sigma: s,
    dot,
    shannon: -y.reduce(
      (acc, yk, k) => acc + (yk > 0 ? yk * Math.log(s[k]!) : 0),
      0,
    ),
    collision: -Math.log(dot),
    gradShannon: s.map((sk, k) => sk - y[k]!),
    gradCollision: s.map((sk, k) => sk - (y[k]! * sk) / dot),
  };
}

function expectClose(actual: number[], expected: number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, v] of actual.entries()) {
    expect(Math.abs(v - expected[i]!)).toBeLessThan(tol);
  }
}

beforeAll(async () => {
  await initRuntime({ backend: 'cpu' });
});

describe('the worked example on the collision page', () => {
  const rows = parseTable(PAGE);

  it('lists four labels when the table is parsed', () => {
    expect(rows.map((r) => r.name)).toEqual([
      'hard, right',
      'soft',
      'uniform',
      'hard, wrong',
    ]);
    for (const row of rows) {
      expect(row.y).toHaveLength(3);
      expect(Math.abs(row.y.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(
        1e-12,
      );
    }
  });

  it('quotes σ = softmax(2, 0, −1) to 6 decimals when recomputed in float64', () => {
    const match =
      /worked-example:sigma -->\s*\$\\sigma = [^$]*= \(([^)]*)\)\$/.exec(PAGE);
    expect(match).not.toBeNull();
    const quoted = match![1]!
      .split(',')
      .map((v) => parseNumber(v.replace('\\', '')));
    expectClose(quoted, softmax64(LOGITS), ROUNDING);
    const lse = Math.log(LOGITS.reduce((a, l) => a + Math.exp(l), 0));
    expect(PAGE).toContain(`= ${lse.toFixed(6)}$`);
  });

  it('matches the float64 reference in every cell when recomputed from the formulas', () => {
    for (const row of rows) {
      const ref = reference(row.y);
      expect(Math.abs(row.dot - ref.dot), row.name).toBeLessThan(ROUNDING);
      expect(Math.abs(row.shannon - ref.shannon), row.name).toBeLessThan(
        ROUNDING,
      );
      expect(Math.abs(row.collision - ref.collision), row.name).toBeLessThan(
        ROUNDING,
      );
      expectClose(row.gradShannon, ref.gradShannon, ROUNDING);
      expectClose(row.gradCollision, ref.gradCollision, ROUNDING);
    }
  });

  it('matches @cce/losses values and tf.grad gradients when computed in float32', () => {
    const tol = 2e-5; // float32 rounding plus the page's 6 decimals
    for (const row of rows) {
      const y = tf.tensor2d([row.y]);
      const logits = tf.tensor2d([LOGITS]);
      const h = softCrossEntropy(y, logits).dataSync()[0]!;
      const h2 = collisionCrossEntropy(y, logits).dataSync()[0]!;
      expect(Math.abs(h - row.shannon), row.name).toBeLessThan(tol);
      expect(Math.abs(h2 - row.collision), row.name).toBeLessThan(tol);

      const gH = tf.grad((l: tf.Tensor) =>
        softCrossEntropy(y, l as tf.Tensor2D),
      )(logits);
      const gH2 = tf.grad((l: tf.Tensor) =>
        collisionCrossEntropy(y, l as tf.Tensor2D),
      )(logits);
      expect(gH.shape).toEqual([1, 3]);
      expectClose(Array.from(gH.dataSync()), row.gradShannon, tol);
      expectClose(Array.from(gH2.dataSync()), row.gradCollision, tol);
      tf.dispose([y, logits, gH, gH2]);
    }
  });

  it('gives the mean printed on the getting-started page when both snippet rows are averaged', () => {
    const start = readFileSync(
      join(DOCS_ROOT, 'pages', 'getting-started.md'),
      'utf8',
    );
    const printed = /\.print\(\); \/\/ ≈ ([0-9.]+)/.exec(start);
    expect(printed).not.toBeNull();
    const soft = reference([0.8, 0.2, 0]).collision;
    const uniformPrediction = Math.log(3); // y = e_3, σ = u
    const mean = (soft + uniformPrediction) / 2;
    expect(Math.abs(Number(printed![1]) - mean)).toBeLessThan(ROUNDING);

    const targets = tf.tensor2d([
      [0.8, 0.2, 0],
      [0, 0, 1],
    ]);
    const logits = tf.tensor2d([
      [2, 0, -1],
      [0, 0, 0],
    ]);
    const value = collisionCrossEntropy(targets, logits).dataSync()[0]!;
    expect(Math.abs(value - mean)).toBeLessThan(2e-5);
    tf.dispose([targets, logits]);
  });
});
