// Runs the README example so its printed values cannot drift.
import { describe, expect, it } from 'vitest';
import {
  CceError,
  formatShape,
  formatValue,
  isCceError,
} from '../src/index.js';

describe('README example', () => {
  it('prints the documented message and argument when run as written', () => {
    let caught: unknown;
    try {
      throw new CceError({
        fn: 'collisionCrossEntropy',
        argument: 'targets',
        expected: '[N, K] like logits [32, 10]',
        received: formatShape([32, 9]),
      });
    } catch (error) {
      caught = error;
    }
    expect(isCceError(caught)).toBe(true);
    const error = caught as CceError;
    expect(error.message).toBe(
      "collisionCrossEntropy: 'targets' must be [N, K] like logits [32, 10], got [32, 9]",
    );
    expect(error.argument).toBe('targets');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(new Float32Array(3))).toBe('a Float32Array of length 3');
  });
});
