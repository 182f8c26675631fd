import { describe, expect, it } from 'vitest';
import { CceError, isCceError } from './cce-error.js';
import { formatShape, formatValue } from './format.js';

describe('CceError', () => {
  it('names function, argument, expected and received in one line', () => {
    const err = new CceError({
      fn: 'collisionCrossEntropy',
      argument: 'targets',
      expected: '[N, K] like logits [32, 10]',
      received: formatShape([32, 9]),
    });
    expect(err.message).toBe(
      "collisionCrossEntropy: 'targets' must be [N, K] like logits [32, 10], got [32, 9]",
    );
    expect(err.message).not.toContain('\n');
    expect(err.argument).toBe('targets');
    expect(err.name).toBe('CceError');
    expect(isCceError(err)).toBe(true);
  });

  it('appends a hint sentence when one is given', () => {
    const err = new CceError({
      fn: 'readIdx',
      argument: 'bytes',
      expected: 'magic 0x00000803',
      received: '0x12345678',
      hint: 'At byte offset 0 of train-images-idx3-ubyte',
    });
    expect(
      err.message.endsWith(
        'got 0x12345678. At byte offset 0 of train-images-idx3-ubyte',
      ),
    ).toBe(true);
  });

  it('recognises look-alike errors and rejects plain ones', () => {
    const lookAlike = Object.assign(new Error('x'), {
      name: 'CceError',
      argument: 'a',
    });
    expect(isCceError(lookAlike)).toBe(true);
    expect(isCceError(new Error('x'))).toBe(false);
    expect(isCceError('CceError')).toBe(false);
  });
});

describe('formatValue', () => {
  it('renders numbers, strings and containers exactly', () => {
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('-Infinity');
    expect(formatValue('wasm2')).toBe('"wasm2"');
    expect(formatValue([1, 2, 3])).toBe('an array of length 3');
    expect(formatValue(new Float32Array(7))).toBe('a Float32Array of length 7');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue({})).toBe('an object (Object)');
  });
});
