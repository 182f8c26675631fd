import { describe, expect, it } from 'vitest';
import { mixedClusters, readComposition } from './composition.js';

describe('readComposition', () => {
  it('counts labels per cluster on the training split only', () => {
    const csv = [
      'split,index,cluster,confidence,label',
      'train,0,1,0.9,3',
      'train,1,1,0.8,3',
      'train,2,1,0.7,5',
      'train,3,0,0.9,5',
      'test,0,0,0.9,3',
      'train,4,2,0.6,',
      '',
    ].join('\n');
    // by hand: cluster 0 = {5}, cluster 1 = {3, 3, 5}; the unlabelled row and the test row are left out
    expect(readComposition(csv)).toEqual([
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 2, 0, 1],
    ]);
    expect(readComposition(csv, 'test')).toEqual([[0, 0, 0, 1]]);
  });

  it('gives undefined without labels or without the columns', () => {
    expect(readComposition('split,index,cluster\ntrain,0,1\n')).toBeUndefined();
    expect(
      readComposition('split,index,cluster,confidence,label\ntrain,0,1,0.5,\n'),
    ).toBeUndefined();
  });
});

describe('mixedClusters', () => {
  it('lists the clusters below the purity with their largest labels', () => {
    const counts = [
      [95, 5, 0],
      [10, 60, 30],
      [0, 0, 0],
    ];
    expect(mixedClusters(counts, 0.9)).toEqual([
      {
        cluster: 1,
        size: 100,
        purity: 0.6,
        top: [
          { label: 1, count: 60 },
          { label: 2, count: 30 },
          { label: 0, count: 10 },
        ],
      },
    ]);
    expect(mixedClusters(counts, 0.96).map((m) => m.cluster)).toEqual([0, 1]);
  });
});
