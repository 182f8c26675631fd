import { describe, expect, it } from 'vitest';
import type { GroupSummary } from './aggregate.js';
import { fittedShare, memorisationLines } from './report-e1.js';

type Metric = 'testAcc' | 'trainAcc' | 'plateauEpoch';

const summary = (mean: number) => ({
  mean,
  std: null,
  n: 1,
  min: mean,
  max: mean,
});

function group(
  loss: string,
  eta: number,
  trainAcc: number,
  testAcc: number,
): GroupSummary<Metric> {
  return {
    key: { regime: 'short', dataset: 'mnist', loss, eta },
    seeds: [0],
    metrics: {
      testAcc: summary(testAcc),
      trainAcc: summary(trainAcc),
      plateauEpoch: summary(10),
    } as GroupSummary<Metric>['metrics'],
  };
}

// clean-argmax rate at η = 0.8, K = 10, from three terms by hand
const floor =
  1 - ((9 * 0.75 ** 9) / 2 - (36 * 0.5 ** 9) / 3 + (84 * 0.25 ** 9) / 4);

describe('the E1 memorisation check', () => {
  it('measures the fitted share from the η = 0 train accuracy and explains a missed target', () => {
    const lines = memorisationLines(
      [
        group('shannon', 0, 0.99, 0.97),
        group('collision', 0, 0.99, 0.97),
        group('shannon', 0.8, 0.95, 0.95),
        group('collision', 0.8, 0.98, 0.96),
      ],
      10,
    ).join('\n');
    expect(lines).toContain('68.5 %');
    const shannon = Math.round((100 * (0.99 - 0.95)) / (0.99 - floor)); // 13
    const collision = Math.round((100 * (0.99 - 0.98)) / (0.99 - floor)); // 3
    expect(lines).toContain(`| shannon | 0.990 | 0.950 | ${shannon} % |`);
    expect(lines).toContain(`| collision | 0.990 | 0.980 | ${collision} % |`);
    // collision leads by 1 point < 5: missed, and Shannon fitted < 25 %
    expect(lines).toContain('Why the target is missed here');
  });

  it('says nothing of why when the target is met, and measures from 1 without η = 0', () => {
    const lines = memorisationLines(
      [group('shannon', 0.8, 0.7, 0.67), group('collision', 0.8, 0.97, 0.94)],
      10,
    ).join('\n');
    expect(lines).toContain('from 1 (η = 0 was not run)');
    const shannon = Math.round((100 * (1 - 0.7)) / (1 - floor)); // 95
    expect(lines).toContain(`| shannon | 0.700 | ${shannon} % |`);
    expect(lines).not.toContain('Why the target');
  });

  it('is empty without a Shannon run at the target η', () => {
    expect(memorisationLines([group('collision', 0.8, 0.9, 0.9)], 10)).toEqual(
      [],
    );
  });
});

describe('fittedShare', () => {
  it('measures from the η = 0 train accuracy when both losses ran there, else from 1', () => {
    const noisy = [group('shannon', 0.8, 0.95, 0.95)];
    expect(fittedShare(noisy, 'shannon', 10)).toBeCloseTo(
      (1 - 0.95) / (1 - floor),
      12,
    );
    const withClean = [
      ...noisy,
      group('shannon', 0, 0.99, 0.97),
      group('collision', 0, 0.98, 0.97),
    ];
    expect(fittedShare(withClean, 'shannon', 10)).toBeCloseTo(
      (0.99 - 0.95) / (0.99 - floor),
      12,
    );
    expect(fittedShare(withClean, 'collision', 10)).toBeUndefined();
  });
});
