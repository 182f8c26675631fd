// Tests of createResNet18: the CIFAR ResNet-18 count worked by hand, the
// float64 reference (odd sizes, projections) and finite differences.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectForwardMatchesReference,
  expectGradientsMatchReference,
} from '../test/against-reference.js';
import { useBackend } from '../test/backend.js';
import { seededArray } from '../test/reference.js';
import { createResNet18 } from './create-resnet18.js';

beforeAll(() => useBackend('cpu'));

/** Trainable parameters of a basic block worked by hand. */
function block(cin: number, cout: number, projection: boolean): number {
  const convs = 9 * cin * cout + 9 * cout * cout; // two 3×3, no bias
  const norms = 2 * (2 * cout); // γ, β of bn1 and bn2
  const shortcut = projection ? cin * cout + 2 * cout : 0; // 1×1 conv + BN
  return convs + norms + shortcut;
}

describe('createResNet18', () => {
  it('counts the CIFAR ResNet-18 parameters by hand (example value)', () => {
    const net = createResNet18({
      inputShape: [32, 32, 3],
      numClasses: 10,
      seed: 0,
    });
    const stem = 9 * 3 * 64 + 2 * 64; // 1 856
    const stage1 = 2 * block(64, 64, false); // 147 968
    const stage2 = block(64, 128, true) + block(128, 128, false); // 525 568
    const stage3 = block(128, 256, true) + block(256, 256, false); // 2 099 712
    const stage4 = block(256, 512, true) + block(512, 512, false); // 8 393 728
    const head = 512 * 10 + 10;
    expect(stage2).toBe(525_568);
    expect(net.numParams).toBe(stem + stage1 + stage2 + stage3 + stage4 + head);
    // The widely quoted count of the CIFAR ResNet-18 with 10 classes.
    expect(net.numParams).toBe(11_173_962);
    // Moving mean and variance of every BN channel: 2 · 4800.
    const moving = net.namedVariables.filter((v) => !v.trainable);
    expect(moving.reduce((s, v) => s + v.variable.size, 0)).toBe(9600);
    net.dispose();
  });

  it('matches the float64 reference in both modes with odd sizes', () => {
    const net = createResNet18({
      inputShape: [6, 6, 2],
      numClasses: 3,
      seed: 1,
      widths: [2, 3, 4, 5],
    });
    const x = seededArray([3, 6, 6, 2], 1);
    expectForwardMatchesReference(net, x, true);
    expectForwardMatchesReference(net, x, false);
    net.dispose();
  });

  it('matches finite-difference gradients in training mode', () => {
    const net = createResNet18({
      inputShape: [5, 5, 2],
      numClasses: 3,
      seed: 2,
      widths: [2, 2, 3, 3],
    });
    expectGradientsMatchReference(net, seededArray([2, 5, 5, 2], 2), true);
    net.dispose();
  });

  it('rejects bad options naming the argument', () => {
    const base = { inputShape: [8, 8, 3], numClasses: 2, seed: 0 };
    const bad = [
      [{ inputShape: [8, 8] }, 'inputShape'],
      [{ widths: 'wide' }, 'widths'],
      [{ numClasses: 0 }, 'numClasses'],
      [{ seed: 2 ** 60 }, 'seed'],
    ] as const;
    for (const [extra, argument] of bad) {
      expect(() => createResNet18({ ...base, ...extra } as never)).toThrow(
        `'${argument}'`,
      );
    }
  });
});
