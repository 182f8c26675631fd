// Checks our depthwise convolution gradients on wasm against the stock cpu
// kernels (the reference implementation) and float64 direct loops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from './register-training-kernels.js';
import { restoreStockKernels } from './restore-stock-kernels.js';
import {
  type Dense,
  expandFilter,
  expandedFilterShape,
  initBackends,
  runKernelOn,
  sampleFilter,
  tf,
} from './test-utils/backends.js';
import {
  type RefCase,
  refFilterGradient,
  refInputGradient,
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

const rand = seededRandom(20260303);
const randomCases = Array.from({ length: 30 }, () => randomCase(rand, true));

const named: [string, RefCase][] = [
  [
    'stride 2, same, multiplier 2, odd size',
    {
      xShape: [2, 7, 7, 3],
      filterShape: [3, 3, 3, 2],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 'same',
      depthwise: true,
    },
  ],
  [
    'stride 2, valid, even size',
    {
      xShape: [1, 8, 8, 4],
      filterShape: [3, 3, 4, 1],
      strides: [2, 2],
      dilations: [1, 1],
      pad: 'valid',
      depthwise: true,
    },
  ],
  [
    'dilation 2, same',
    {
      xShape: [2, 9, 8, 2],
      filterShape: [3, 3, 2, 1],
      strides: [1, 1],
      dilations: [2, 2],
      pad: 'same',
      depthwise: true,
    },
  ],
  [
    'explicit padding, non-square filter',
    {
      xShape: [1, 6, 5, 2],
      filterShape: [2, 3, 2, 3],
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [2, 0],
        [1, 3],
        [0, 0],
      ],
      depthwise: true,
    },
  ],
];

const cases = [
  ...randomCases.map((c) => [describeCase(c), c] as [string, RefCase]),
  ...named,
];

function attrsOf(
  c: RefCase,
  shapeKey: 'inputShape' | 'filterShape',
  filterShape: number[],
) {
  return {
    strides: c.strides,
    dilations: 1,
    pad: c.pad,
    dimRoundingMode: c.dimRoundingMode,
    [shapeKey]: shapeKey === 'inputShape' ? c.xShape : filterShape,
  } as unknown as tf.NamedAttrMap;
}

function data(r: () => number, shape: number[]): Dense {
  return {
    shape,
    values: randomValues(
      r,
      shape.reduce((a, b) => a * b),
    ),
  };
}

beforeAll(async () => {
  await initBackends();
  tf.env().set('IS_TEST', true);
  registerTrainingKernels('wasm');
});

afterAll(() => {
  restoreStockKernels('wasm');
});

describe('DepthwiseConv2dNativeBackpropFilter on wasm', () => {
  it.each(cases)('matches the stock cpu kernel when %s', async (_label, c) => {
    const r = seededRandom(31);
    const inputs = { x: data(r, c.xShape), dy: data(r, outShape(c)) };
    const dilated = c.dilations[0] > 1 || c.dilations[1] > 1;
    const refShape = dilated ? expandedFilterShape(c) : c.filterShape;
    const ref = await runKernelOn(
      'cpu',
      'DepthwiseConv2dNativeBackpropFilter',
      inputs,
      attrsOf(c, 'filterShape', refShape),
    );
    const expected = dilated ? sampleFilter(c, ref.values) : ref.values;
    const got = await runKernelOn(
      'wasm',
      'DepthwiseConv2dNativeBackpropFilter',
      inputs,
      {
        ...attrsOf(c, 'filterShape', c.filterShape),
        dilations: c.dilations,
      },
    );
    expect(got.shape).toEqual(c.filterShape);
    expect(relativeError(got.values, expected)).toBeLessThan(TOLERANCE);
    const exact = refFilterGradient(c, inputs.x.values, inputs.dy.values);
    expect(relativeError(got.values, exact)).toBeLessThan(TOLERANCE);
  });
});

describe('DepthwiseConv2dNativeBackpropInput on wasm', () => {
  it.each(cases)('matches the stock cpu kernel when %s', async (_label, c) => {
    const r = seededRandom(37);
    const inputs = { dy: data(r, outShape(c)), filter: data(r, c.filterShape) };
    const dilated = c.dilations[0] > 1 || c.dilations[1] > 1;
    const refFilter = dilated
      ? {
          shape: expandedFilterShape(c),
          values: expandFilter(c, inputs.filter.values),
        }
      : inputs.filter;
    const ref = await runKernelOn(
      'cpu',
      'DepthwiseConv2dNativeBackpropInput',
      { dy: inputs.dy, filter: refFilter },
      attrsOf(c, 'inputShape', refFilter.shape),
    );
    const got = await runKernelOn(
      'wasm',
      'DepthwiseConv2dNativeBackpropInput',
      inputs,
      {
        ...attrsOf(c, 'inputShape', c.filterShape),
        dilations: c.dilations,
      },
    );
    expect(got.shape).toEqual(c.xShape);
    expect(relativeError(got.values, ref.values)).toBeLessThan(TOLERANCE);
    const exact = refInputGradient(c, inputs.dy.values, inputs.filter.values);
    expect(relativeError(got.values, exact)).toBeLessThan(TOLERANCE);
  });
});

describe('depthwiseConv2d gradients through tf.grads on wasm', () => {
  it('match the cpu backend when the layer has stride 2 and multiplier 2', async () => {
    await import('@tensorflow/tfjs-layers'); // registers the gradients
    const r = seededRandom(41);
    const x = data(r, [2, 9, 9, 3]);
    const w = data(r, [3, 3, 3, 2]);
    const run = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const f = (a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(
            tf.square(
              tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'),
            ),
          );
        const [gx, gw] = tf.grads(f)([
          tf.tensor(x.values, x.shape),
          tf.tensor(w.values, w.shape),
        ]);
        return [
          gx!.dataSync().slice(),
          gw!.dataSync().slice(),
          gw!.shape,
        ] as const;
      });
    };
    const [cx, cw] = await run('cpu');
    const [wx, ww, wShape] = await run('wasm');
    expect(wShape).toEqual(w.shape);
    expect(relativeError(wx, cx)).toBeLessThan(TOLERANCE);
    expect(relativeError(ww, cw)).toBeLessThan(TOLERANCE);
  });
});
