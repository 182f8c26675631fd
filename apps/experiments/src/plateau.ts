// When did the training loss stop falling? Used to state the epochs the
// long E1 regime needed, from each run's per-epoch loss.

/** The plateau of a loss curve. */
export interface Plateau {
  /**
   * First epoch from which the loss stays within 1% of its total decrease
   * of the final value (1-based).
   */
  epoch: number;
  /**
   * Relative change of the loss over the last 10% of the epochs,
   * (loss[end − m] − loss[end]) / |loss[end]|; small means flat.
   */
  lastTenthChange: number;
}

/** Share of the total decrease treated as "still falling". */
export const PLATEAU_FRACTION = 0.01;

/**
 * Plateau of the per-epoch losses `losses` (index 0 = epoch 1), or null
 * for fewer than two epochs.
 */
export function findPlateau(losses: readonly number[]): Plateau | null {
  if (losses.length < 2) return null;
  const last = losses[losses.length - 1]!;
  const band = PLATEAU_FRACTION * Math.abs(losses[0]! - last);

  let epoch = losses.length;
  for (let i = losses.length - 1; i >= 0; i--) {
    if (Math.abs(losses[i]! - last) > band) break;
    epoch = i + 1;
  }
  const m = Math.max(1, Math.round(losses.length / 10));
  const before = losses[losses.length - 1 - m]!;
  const scale = Math.abs(last) > 0 ? Math.abs(last) : 1;

  return { epoch, lastTenthChange: (before - last) / scale };
}
