// Draws the demo on a canvas: decision regions (the network's softmax on a
// grid, classes mixed by probability) and the training points filled with
// their (pseudo-)label's colour mix, so uncertain labels look washed out.
import type { ToyData } from './toy-data.js';

/** Class colours (RGB), one per class up to the demo's maximum K = 5. */
export const PALETTE: readonly (readonly [number, number, number])[] = [
  [37, 99, 235],
  [234, 88, 12],
  [22, 163, 74],
  [219, 39, 119],
  [124, 58, 237],
];

/** Resolution of the decision-region grid (cells per side). */
export const GRID_RESOLUTION = 64;

/** Colour mix `Σ_k p_k · colour_k` of a probability row, as RGB. */
export function mixColour(
  probs: ArrayLike<number>,
  offset: number,
  k: number,
): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let c = 0; c < k; c++) {
    const p = probs[offset + c] ?? 0;
    const colour = PALETTE[c % PALETTE.length]!;
    r += p * colour[0];
    g += p * colour[1];
    b += p * colour[2];
  }
  return [r, g, b];
}

/**
 * Paints the regions from `grid` (`[res·res, K]`, row 0 on top) lightened
 * towards white, then every training point with its target's colour mix.
 */
export function drawScene(
  canvas: HTMLCanvasElement,
  data: ToyData,
  grid: Float32Array,
  targets: Float32Array,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const k = data.numClasses;
  const res = Math.round(Math.sqrt(grid.length / k));
  const cells = new ImageData(res, res);
  for (let i = 0; i < res * res; i++) {
    const [r, g, b] = mixColour(grid, i * k, k);
    cells.data[4 * i] = 255 - 0.45 * (255 - r);
    cells.data[4 * i + 1] = 255 - 0.45 * (255 - g);
    cells.data[4 * i + 2] = 255 - 0.45 * (255 - b);
    cells.data[4 * i + 3] = 255;
  }
  const offscreen = document.createElement('canvas');
  offscreen.width = res;
  offscreen.height = res;
  offscreen.getContext('2d')?.putImageData(cells, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(offscreen, 0, 0, canvas.width, canvas.height);

  const { lo, hi } = data.view;
  const toPixel = (v: number, size: number) => ((v - lo) / (hi - lo)) * size;
  const { x } = data.train;
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(20, 20, 20, 0.7)';
  for (let i = 0; i < x.length / 2; i++) {
    const [r, g, b] = mixColour(targets, i * k, k);
    ctx.fillStyle = `rgb(${r | 0}, ${g | 0}, ${b | 0})`;
    ctx.beginPath();
    ctx.arc(
      toPixel(x[2 * i]!, canvas.width),
      canvas.height - toPixel(x[2 * i + 1]!, canvas.height),
      4,
      0,
      2 * Math.PI,
    );
    ctx.fill();
    ctx.stroke();
  }
}
