import { describe, expect, it } from 'vitest';
import { parsePredictions, parseTruth } from './read-predictions.js';

describe('parsePredictions', () => {
  it('groups rows by split and keeps the label column when every row has one', () => {
    const text =
      'split,index,cluster,confidence,label\ntrain,0,2,0.9,1\ntrain,1,0,0.8,0\ntest,0,1,0.7,\n';
    const splits = parsePredictions(text, 'p.csv');
    expect(splits.map((s) => s.split)).toEqual(['train', 'test']);
    expect(Array.from(splits[0]!.predicted)).toEqual([2, 0]);
    expect(Array.from(splits[0]!.truth!)).toEqual([1, 0]);
    expect(splits[1]!.truth).toBeNull();
  });

  it('names the file and line when an id is not an integer', () => {
    expect(() => parsePredictions('prediction\n1\n-1\n', 'p.csv')).toThrow(
      /'--predictions' must be integer ids >= 0, got "-1". In p.csv, line 3/,
    );
  });

  it('names the columns it looked for when none is there', () => {
    expect(() => parsePredictions('a,b\n1,2\n', 'p.csv')).toThrow(
      /column cluster or prediction/,
    );
  });
});

describe('parseTruth', () => {
  it('reads a label column or one integer per line', () => {
    expect(Array.from(parseTruth('id,label\n0,3\n1,4\n', 't.csv'))).toEqual([
      3, 4,
    ]);
    expect(Array.from(parseTruth('3\n4\n\n5\n', 't.txt'))).toEqual([3, 4, 5]);
  });
});
