// Checks our Conv2DBackpropFilter on wasm and cpu against the stock cpu
// kernel (the reference implementation) and a float64 direct loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from './register-training-kernels.js';
import { restoreStockKernels } from './restore-stock-kernels.js';
import {
  type Dense,
  expandedFilterShape,
  initBackends,
  runKernelOn,
  sampleFilter,
  tf,
  toChannelsFirst,
} from './test-utils/backends.js';
import {
  type RefCase,
  refFilterGradient,
} from './test-utils/conv-reference.js';
import {
  describeCase,
  outShape,
  randomCase,
  randomValues,
  relativeError,
  seededRandom,
} from './test-utils/random-cases.js';

const TOLERANCE = 1e-4; // normwise relative, float32

const rand = seededRandom(20260101);
const randomCases = Array.from({ length: 30 }, () => randomCase(rand, false));

const named: [string, RefCase][] = [
  [
    'the only output reads padding (zero gradient)',
    {
      xShape: [2, 1, 1, 2],
      filterShape: [1, 1, 2, 3],
      strides: [5, 5],
      dilations: [1, 1],
      pad: 2,
      dimRoundingMode: 'floor',
      depthwise: false,
    },
  ],
  [
    '1x1 filter, stride 2, valid, odd size',
    {
      xShape: [2, 7, 5, 3],
      filterShape: [1, 1, 3, 2],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 'valid',
      depthwise: false,
    },
  ],
  [
    'filter larger than input, same',
    {
      xShape: [1, 2, 3, 2],
      filterShape: [4, 4, 2, 3],
      strides: [1, 1],
      dilations: [1, 1],
      pad: 'same',
      depthwise: false,
    },
  ],
  [
    'explicit padding larger than the filter',
    {
      xShape: [2, 4, 4, 1],
      filterShape: [2, 2, 1, 2],
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [3, 0],
        [0, 3],
        [0, 0],
      ],
      depthwise: false,
    },
  ],
  [
    'stride 3, valid, unused trailing rows',
    {
      xShape: [1, 8, 9, 2],
      filterShape: [2, 3, 2, 2],
      strides: [3, 3],
      dilations: [1, 1],
      pad: 'valid',
      depthwise: false,
    },
  ],
  [
    'non-square kernel and strides',
    {
      xShape: [2, 7, 6, 3],
      filterShape: [1, 3, 3, 4],
      strides: [2, 1],
      dilations: [1, 1],
      pad: 'same',
      depthwise: false,
    },
  ],
  [
    'dilation 2x3, same',
    {
      xShape: [1, 9, 9, 2],
      filterShape: [3, 2, 2, 3],
      strides: [1, 1],
      dilations: [2, 3],
      pad: 'same',
      depthwise: false,
    },
  ],
  [
    'numeric pad with ceil rounding',
    {
      xShape: [1, 6, 7, 2],
      filterShape: [3, 3, 2, 2],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 1,
      dimRoundingMode: 'ceil',
      depthwise: false,
    },
  ],
  [
    'stride 2, same, even size',
    {
      xShape: [2, 8, 8, 3],
      filterShape: [3, 3, 3, 4],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 'same',
      depthwise: false,
    },
  ],
  [
    'one pixel, one channel',
    {
      xShape: [1, 1, 1, 1],
      filterShape: [1, 1, 1, 1],
      strides: [1, 1],
      dilations: [1, 1],
      pad: 'valid',
      depthwise: false,
    },
  ],
];

function attrsOf(c: RefCase, filterShape: number[], channelsFirst = false) {
  const pad =
    channelsFirst && typeof c.pad === 'object'
      ? [[0, 0], [0, 0], c.pad[1], c.pad[2]]
      : c.pad;
  return {
    strides: c.strides,
    pad,
    dataFormat: channelsFirst ? 'NCHW' : 'NHWC',
    dimRoundingMode: c.dimRoundingMode,
    filterShape,
  } as unknown as tf.NamedAttrMap;
}

function inputsOf(c: RefCase, seed: number): { x: Dense; dy: Dense } {
  const r = seededRandom(seed);
  const dyShape = outShape(c);
  return {
    x: {
      shape: c.xShape,
      values: randomValues(
        r,
        c.xShape.reduce((a, b) => a * b),
      ),
    },
    dy: {
      shape: dyShape,
      values: randomValues(
        r,
        dyShape.reduce((a, b) => a * b),
      ),
    },
  };
}

/** Stock cpu kernel; dilation through an explicitly dilated filter. */
async function reference(c: RefCase, inputs: { x: Dense; dy: Dense }) {
  restoreStockKernels('cpu');
  const dilated = c.dilations[0] > 1 || c.dilations[1] > 1;
  const shape = dilated ? expandedFilterShape(c) : c.filterShape;
  const out = await runKernelOn(
    'cpu',
    'Conv2DBackpropFilter',
    inputs,
    attrsOf(c, shape),
  );
  expect(out.shape).toEqual(shape);
  return dilated ? sampleFilter(c, out.values) : out.values;
}

async function ours(
  backend: 'cpu' | 'wasm',
  c: RefCase,
  inputs: { x: Dense; dy: Dense },
) {
  registerTrainingKernels(backend);
  const attrs = { ...attrsOf(c, c.filterShape), dilations: c.dilations };
  const out = await runKernelOn(backend, 'Conv2DBackpropFilter', inputs, attrs);
  if (backend === 'cpu') restoreStockKernels('cpu');
  return out;
}

beforeAll(async () => {
  await initBackends();
  tf.env().set('IS_TEST', true); // the engine then fails on leaked data ids
});

afterAll(() => {
  restoreStockKernels('wasm');
  restoreStockKernels('cpu');
});

describe.each(['wasm', 'cpu'] as const)(
  'Conv2DBackpropFilter on %s',
  (backend) => {
    it.each(randomCases.map((c, i) => [describeCase(c), c, i] as const))(
      'matches the stock cpu kernel when %s',
      async (_label, c, i) => {
        const inputs = inputsOf(c, 100 + i);
        const expected = await reference(c, inputs);
        const got = await ours(backend, c, inputs);
        expect(got.shape).toEqual(c.filterShape);
        expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
      },
    );

    it.each(named)(
      'matches the stock cpu kernel when %s',
      async (_label, c) => {
        const inputs = inputsOf(c, 7);
        const expected = await reference(c, inputs);
        const got = await ours(backend, c, inputs);
        expect(got.shape).toEqual(c.filterShape);
        expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
      },
    );

    it('matches the stock cpu kernel when the data format is NCHW', async () => {
      const c = named[5]![1];
      const inputs = inputsOf(c, 11);
      const expected = await reference(c, inputs);
      registerTrainingKernels(backend);
      const got = await runKernelOn(
        backend,
        'Conv2DBackpropFilter',
        { x: toChannelsFirst(inputs.x), dy: toChannelsFirst(inputs.dy) },
        attrsOf(c, c.filterShape, true),
      );
      if (backend === 'cpu') restoreStockKernels('cpu');
      expect(got.shape).toEqual(c.filterShape);
      expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
    });
  },
);

describe('Conv2DBackpropFilter against a float64 direct loop', () => {
  it.each([
    ...named,
    ...randomCases.slice(0, 10).map((c) => [describeCase(c), c] as const),
  ])('agrees to float32 precision on wasm when %s', async (_label, c) => {
    const inputs = inputsOf(c, 3);
    const expected = refFilterGradient(c, inputs.x.values, inputs.dy.values);
    const got = await ours('wasm', c, inputs);
    expect(got.shape).toEqual(c.filterShape);
    expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
  });

  it('gives a gradient worked by hand when x is 1x3x3x1, dy is ones and the filter is 2x2', async () => {
    // valid 2x2 over [[1,2,3],[4,5,6],[7,8,9]] with dy = 1: each tap sums the
    // 2x2 window it sees: [[1+2+4+5, 2+3+5+6], [4+5+7+8, 5+6+8+9]].
    const x = {
      shape: [1, 3, 3, 1],
      values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    };
    const dy = { shape: [1, 2, 2, 1], values: new Float32Array(4).fill(1) };
    registerTrainingKernels('wasm');
    const got = await runKernelOn(
      'wasm',
      'Conv2DBackpropFilter',
      { x, dy },
      {
        strides: 1,
        pad: 'valid',
        dataFormat: 'NHWC',
        filterShape: [2, 2, 1, 1],
      },
    );
    expect(got.shape).toEqual([2, 2, 1, 1]);
    expect(Array.from(got.values)).toEqual([12, 16, 24, 28]);
  });
});
