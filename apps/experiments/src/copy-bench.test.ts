import { describe, expect, it } from 'vitest';
import { insertAfterTitle, runDate } from './copy-bench.js';

describe('runDate', () => {
  it("reads a benchmark JSON's own date", () => {
    expect(runDate('{"date": "2026-12-04T17:00:29.994Z", "cells": []}')).toBe(
      '2026-12-04T17:00:29.994Z',
    );
  });

  it('gives null for a missing, malformed or non-date field', () => {
    expect(runDate('{"cells": []}')).toBeNull();
    expect(runDate('{"date": "yesterday"}')).toBeNull();
    expect(runDate('{"date": 3}')).toBeNull();
    expect(runDate('not json')).toBeNull();
  });
});

describe('insertAfterTitle', () => {
  it('puts the header after the first title, or on top without one', () => {
    expect(insertAfterTitle('# T\nbody', '> h')).toBe('# T\n\n> h\nbody');
    expect(insertAfterTitle('body', '> h')).toBe('> h\n\nbody');
  });
});
