// Checks our Conv2DBackpropInput on wasm and cpu against the stock cpu
// kernel (the reference implementation) and a float64 direct loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { registerTrainingKernels } from './register-training-kernels.js';
import { restoreStockKernels } from './restore-stock-kernels.js';
import { overrideKernel } from './stock-kernels.js';
import {
  type Dense,
  expandFilter,
  expandedFilterShape,
  initBackends,
  runKernelOn,
  tf,
  toChannelsFirst,
  toChannelsLast,
} from './test-utils/backends.js';
import { type RefCase, refInputGradient } from './test-utils/conv-reference.js';
import {
  describeCase,
  outShape,
  randomCase,
  randomValues,
  relativeError,
  seededRandom,
} from './test-utils/random-cases.js';

const TOLERANCE = 1e-4; // normwise relative, float32

const rand = seededRandom(20260202);
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
    'stride 2, same, odd size',
    {
      xShape: [2, 7, 7, 3],
      filterShape: [3, 3, 3, 4],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 'same',
      depthwise: false,
    },
  ],
  [
    'stride 2, valid, even size (last row unused)',
    {
      xShape: [2, 8, 6, 2],
      filterShape: [3, 3, 2, 3],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 'valid',
      depthwise: false,
    },
  ],
  [
    '1x1 filter, stride 3',
    {
      xShape: [1, 7, 8, 2],
      filterShape: [1, 1, 2, 2],
      strides: [3, 3],
      dilations: [1, 1],
      pad: 'valid',
      depthwise: false,
    },
  ],
  [
    'explicit padding larger than the filter (dy rows cropped)',
    {
      xShape: [2, 4, 4, 2],
      filterShape: [2, 2, 2, 2],
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [3, 2],
        [1, 3],
        [0, 0],
      ],
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
    'dilation 2x3, valid',
    {
      xShape: [1, 9, 10, 2],
      filterShape: [3, 2, 2, 3],
      strides: [1, 1],
      dilations: [2, 3],
      pad: 'valid',
      depthwise: false,
    },
  ],
  [
    'numeric pad with ceil rounding',
    {
      xShape: [1, 6, 6, 2],
      filterShape: [3, 3, 2, 2],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 1,
      dimRoundingMode: 'ceil',
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
];

function attrsOf(c: RefCase, channelsFirst = false) {
  const [n, h, w, ch] = c.xShape;
  const pad =
    channelsFirst && typeof c.pad === 'object'
      ? [[0, 0], [0, 0], c.pad[1], c.pad[2]]
      : c.pad;
  return {
    strides: c.strides,
    pad,
    dataFormat: channelsFirst ? 'NCHW' : 'NHWC',
    dimRoundingMode: c.dimRoundingMode,
    inputShape: channelsFirst ? [n, ch, h, w] : [n, h, w, ch],
  } as unknown as tf.NamedAttrMap;
}

function inputsOf(c: RefCase, seed: number): { dy: Dense; filter: Dense } {
  const r = seededRandom(seed);
  const dyShape = outShape(c);
  return {
    dy: {
      shape: dyShape,
      values: randomValues(
        r,
        dyShape.reduce((a, b) => a * b),
      ),
    },
    filter: {
      shape: c.filterShape,
      values: randomValues(
        r,
        c.filterShape.reduce((a, b) => a * b),
      ),
    },
  };
}

/** Stock cpu kernel; dilation through an explicitly dilated filter. */
async function reference(c: RefCase, inputs: { dy: Dense; filter: Dense }) {
  restoreStockKernels('cpu');
  const dilated = c.dilations[0] > 1 || c.dilations[1] > 1;
  const filter = dilated
    ? {
        shape: expandedFilterShape(c),
        values: expandFilter(c, inputs.filter.values),
      }
    : inputs.filter;
  const out = await runKernelOn(
    'cpu',
    'Conv2DBackpropInput',
    { dy: inputs.dy, filter },
    attrsOf(c),
  );
  expect(out.shape).toEqual(c.xShape);
  return out.values;
}

/** Our kernel, with the composed convolution forced on (cpu keeps stock). */
async function ours(
  backend: 'cpu' | 'wasm',
  c: RefCase,
  inputs: { dy: Dense; filter: Dense },
) {
  overrideKernel(conv2dBackpropInputConfig(backend, () => true));
  const attrs = { ...attrsOf(c), dilations: c.dilations };
  const out = await runKernelOn(backend, 'Conv2DBackpropInput', inputs, attrs);
  restoreStockKernels(backend);
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
  'Conv2DBackpropInput on %s',
  (backend) => {
    it.each(randomCases.map((c, i) => [describeCase(c), c, i] as const))(
      'matches the stock cpu kernel when %s',
      async (_label, c, i) => {
        const inputs = inputsOf(c, 200 + i);
        const expected = await reference(c, inputs);
        const got = await ours(backend, c, inputs);
        expect(got.shape).toEqual(c.xShape);
        expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
      },
    );

    it.each(named)(
      'matches the stock cpu kernel when %s',
      async (_label, c) => {
        const inputs = inputsOf(c, 9);
        const expected = await reference(c, inputs);
        const got = await ours(backend, c, inputs);
        expect(got.shape).toEqual(c.xShape);
        expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
      },
    );

    it('matches the stock cpu kernel when the data format is NCHW', async () => {
      const c = named[1]![1];
      const inputs = inputsOf(c, 13);
      const expected = await reference(c, inputs);
      overrideKernel(conv2dBackpropInputConfig(backend, () => true));
      const got = await runKernelOn(
        backend,
        'Conv2DBackpropInput',
        { dy: toChannelsFirst(inputs.dy), filter: inputs.filter },
        attrsOf(c, true),
      );
      restoreStockKernels(backend);
      const [n, h, w, ch] = c.xShape;
      expect(got.shape).toEqual([n, ch, h, w]);
      expect(relativeError(toChannelsLast(got).values, expected)).toBeLessThan(
        TOLERANCE,
      );
    });
  },
);

describe('Conv2DBackpropInput as registered', () => {
  it.each(['wasm', 'cpu'] as const)(
    'matches the stock cpu kernel on %s with the default policy',
    async (backend) => {
      for (const c of [
        named[1]![1],
        named[6]![1],
        named[4]![1],
        named[0]![1],
      ]) {
        const inputs = inputsOf(c, 17);
        const expected = await reference(c, inputs);
        registerTrainingKernels(backend);
        const attrs = { ...attrsOf(c), dilations: c.dilations };
        const got = await runKernelOn(
          backend,
          'Conv2DBackpropInput',
          inputs,
          attrs,
        );
        restoreStockKernels(backend);
        expect(got.shape).toEqual(c.xShape);
        expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
      }
    },
  );

  it('rejects a dy whose shape is not the forward output', async () => {
    registerTrainingKernels('wasm');
    const c = named[1]![1];
    const inputs = inputsOf(c, 1);
    const bad = { shape: [2, 3, 4, 4], values: new Float32Array(96) };
    await expect(
      runKernelOn(
        'wasm',
        'Conv2DBackpropInput',
        { ...inputs, dy: bad },
        attrsOf(c),
      ),
    ).rejects.toThrow(/'dy' must be shape \[2, 4, 4, 4\]/);
    restoreStockKernels('wasm');
  });
});

describe('Conv2DBackpropInput against a float64 direct loop', () => {
  it.each([
    ...named,
    ...randomCases.slice(0, 10).map((c) => [describeCase(c), c] as const),
  ])('agrees to float32 precision on wasm when %s', async (_label, c) => {
    const inputs = inputsOf(c, 5);
    const expected = refInputGradient(
      c,
      inputs.dy.values,
      inputs.filter.values,
    );
    const got = await ours('wasm', c, inputs);
    expect(got.shape).toEqual(c.xShape);
    expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
  });
});
