import { describe, expect, it } from 'vitest';
import { expectClose, read, t2 } from '../test/helpers.js';
import { collisionCrossEntropy } from './collision-cross-entropy.js';
import { generalizedCrossEntropy } from './generalized-cross-entropy.js';
import { klDivergence } from './kl-divergence.js';
import { getLoss, LOSS_NAMES, lossRegistry } from './loss-registry.js';
import { meanAbsoluteError } from './mean-absolute-error.js';
import { reverseCrossEntropy } from './reverse-cross-entropy.js';
import { softCrossEntropy } from './soft-cross-entropy.js';
import { symmetricCrossEntropy } from './symmetric-cross-entropy.js';

describe('lossRegistry', () => {
  it('maps each name to its public function when looked up', () => {
    const expected = {
      collision: collisionCrossEntropy,
      shannon: softCrossEntropy,
      reverse: reverseCrossEntropy,
      kl: klDivergence,
      sce: symmetricCrossEntropy,
      gce: generalizedCrossEntropy,
      mae: meanAbsoluteError,
    };
    expect([...LOSS_NAMES].sort()).toEqual(Object.keys(expected).sort());
    for (const [name, fn] of Object.entries(expected)) {
      const entry = getLoss(name);
      expect(entry.fn).toBe(fn);
      expect(entry.name).toBe(name);
      expect(entry.functionName).toBe(fn.name);
      expect(entry.description.length).toBeGreaterThan(10);
    }
  });

  it('lists the numeric params with the documented defaults', () => {
    const params = (name: string) =>
      Object.fromEntries(getLoss(name).params.map((p) => [p.name, p.default]));
    expect(params('gce')).toEqual({ q: 0.7 });
    expect(params('sce')).toEqual({ alpha: 0.1, beta: 1, logFloor: -4 });
    expect(params('reverse')).toEqual({ logFloor: -4 });
    expect(params('collision')).toEqual({});
  });

  it('passes params through when a registry function is called', () => {
    // GCE at q = 1 is 1 − y·σ: here 1 − (0.5 · 0.5 + 0.5 · 0.5) = 0.5.
    const value = getLoss('gce').fn(t2([[0.5, 0.5]]), t2([[0, 0]]), {
      q: 1,
      reduction: 'none',
    });
    expectClose(read(value, [1]), [0.5], 1e-7);
  });

  it('cannot be modified when frozen', () => {
    expect(Object.isFrozen(lossRegistry)).toBe(true);
  });

  it('throws a CceError listing the allowed names when the name is unknown', () => {
    expect(() => getLoss('focal')).toThrow(
      `getLoss: 'name' must be one of 'collision', 'shannon', 'reverse', 'kl', 'sce', 'gce', 'mae', got "focal"`,
    );
    expect(() => getLoss('toString')).toThrow(/'name' must be one of/);
  });
});
