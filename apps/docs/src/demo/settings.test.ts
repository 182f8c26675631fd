import { describe, expect, it } from 'vitest';
import {
  clampSetting,
  DEFAULT_SETTINGS,
  effectiveClasses,
  formatSettings,
  parseSettings,
} from './settings.js';

describe('parseSettings', () => {
  it('returns the defaults when the query is empty', () => {
    expect(parseSettings('')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every setting when the query names them', () => {
    const s = parseSettings(
      '?dataset=moons&mode=supervised&loss=shannon&lambda=2.5&eta=0.8&numClasses=4&seed=7&numPoints=200&maxSteps=50',
    );
    expect(s).toEqual({
      dataset: 'moons',
      mode: 'supervised',
      loss: 'shannon',
      lambda: 2.5,
      eta: 0.8,
      numClasses: 4,
      seed: 7,
      numPoints: 200,
      maxSteps: 50,
    });
  });

  it('falls back or clamps when values are unknown, malformed or out of range', () => {
    const s = parseSettings(
      '?dataset=cifar&loss=&lambda=-3&eta=7&numClasses=2.6&seed=abc&maxSteps=',
    );
    expect(s.dataset).toBe('mixture');
    expect(s.loss).toBe('collision');
    expect(s.lambda).toBe(0);
    expect(s.eta).toBe(1);
    expect(s.numClasses).toBe(3);
    expect(s.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(s.maxSteps).toBe(DEFAULT_SETTINGS.maxSteps);
  });

  it('reads back what formatSettings wrote when round-tripped', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      dataset: 'moons' as const,
      lambda: 0.35,
      seed: 42,
    };
    expect(parseSettings(formatSettings(s))).toEqual(s);
  });
});

describe('clampSetting and effectiveClasses', () => {
  it('rounds integer settings and keeps fractional ones when clamping', () => {
    expect(clampSetting('numPoints', 123.4)).toBe(123);
    expect(clampSetting('lambda', 0.123)).toBe(0.123);
    expect(clampSetting('eta', Number.NaN)).toBe(DEFAULT_SETTINGS.eta);
  });

  it('gives two classes for the moons whatever K says', () => {
    expect(
      effectiveClasses({
        ...DEFAULT_SETTINGS,
        dataset: 'moons',
        numClasses: 5,
      }),
    ).toBe(2);
    expect(effectiveClasses({ ...DEFAULT_SETTINGS, numClasses: 5 })).toBe(5);
  });
});
