// Rebuilds a backbone from a manifest and its weight bytes: checks the
// manifest's fields, the caller's expectations (architecture, class count,
// input shape), the config, then fills the variables.
import { CceError, formatShape, formatValue, isCceError } from '@cce/errors';
import type {
  Architecture,
  Backbone,
  BackboneConfig,
  SerializedBackbone,
} from '../types.js';
import { ARCHITECTURES, buildBackbone, resolveConfig } from './build.js';
import { restoreVariables } from './manifest.js';
import { checkPositiveInteger, checkShape } from './validate.js';

/** What the caller requires of a checkpoint. */
export interface BackboneExpectation {
  architecture?: Architecture;
  numClasses?: number;
  inputShape?: readonly number[];
}

/** Options of deserializeBackbone and loadBackbone. */
export interface RestoreOptions {
  /** Throw a CceError naming the field when the checkpoint differs. */
  expect?: BackboneExpectation;
}

export function restoreBackbone(
  fn: string,
  serialized: SerializedBackbone,
  options: RestoreOptions,
  source: string,
): Backbone {
  checkSerialized(fn, serialized, source);
  const config = checkConfig(fn, serialized.manifest.config, source);
  checkExpectations(fn, config, options.expect ?? {}, source);
  const model = buildBackbone(config, false);
  try {
    restoreVariables(fn, serialized, model.namedVariables, source);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

function checkSerialized(
  fn: string,
  serialized: SerializedBackbone,
  source: string,
): void {
  const { manifest, weights } = (serialized ??
    {}) as Partial<SerializedBackbone>;
  if (!(weights instanceof Uint8Array)) {
    throw new CceError({
      fn,
      argument: 'weights',
      expected: 'a Uint8Array',
      received: formatValue(weights),
      hint: `checkpoint: ${source}`,
    });
  }
  const ok =
    typeof manifest === 'object' &&
    manifest !== null &&
    manifest.format === 'cce-backbone' &&
    Array.isArray(manifest.weights);
  if (!ok) {
    throw new CceError({
      fn,
      argument: 'manifest',
      expected: "a cce-backbone manifest ({ format: 'cce-backbone', ... })",
      received: formatValue(manifest),
      hint: `checkpoint: ${source}`,
    });
  }
  if (manifest.formatVersion !== 1) {
    throw new CceError({
      fn,
      argument: 'manifest.formatVersion',
      expected: '1 (the only version this package reads)',
      received: formatValue(manifest.formatVersion),
      hint: `checkpoint: ${source}`,
    });
  }
}

/** Re-checks the stored config; errors are re-labelled `config.<field>`. */
function checkConfig(fn: string, config: unknown, source: string) {
  try {
    return resolveConfig(fn, config);
  } catch (error) {
    if (!isCceError(error)) throw error;
    throw new CceError({
      fn,
      argument: `manifest.config.${error.argument}`,
      expected: error.expected,
      received: error.received,
      hint: `checkpoint: ${source}`,
    });
  }
}

function checkExpectations(
  fn: string,
  config: BackboneConfig,
  expect: BackboneExpectation,
  source: string,
): void {
  const differences: { field: string; wanted: string; found: string }[] = [];
  if (expect.architecture !== undefined) {
    if (!ARCHITECTURES.includes(expect.architecture)) {
      throw new CceError({
        fn,
        argument: 'options.expect.architecture',
        expected: `one of ${ARCHITECTURES.map((a) => `'${a}'`).join(', ')}`,
        received: formatValue(expect.architecture),
      });
    }
    if (expect.architecture !== config.architecture) {
      differences.push({
        field: 'architecture',
        wanted: `'${expect.architecture}'`,
        found: `'${config.architecture}'`,
      });
    }
  }
  if (expect.numClasses !== undefined) {
    checkPositiveInteger(fn, 'options.expect.numClasses', expect.numClasses);
    if (expect.numClasses !== config.numClasses) {
      differences.push({
        field: 'numClasses',
        wanted: String(expect.numClasses),
        found: String(config.numClasses),
      });
    }
  }
  if (expect.inputShape !== undefined) {
    const shape = checkShape(
      fn,
      'options.expect.inputShape',
      expect.inputShape,
    );
    if (formatShape(shape) !== formatShape(config.inputShape)) {
      differences.push({
        field: 'inputShape',
        wanted: formatShape(shape),
        found: formatShape(config.inputShape),
      });
    }
  }
  const [first, ...rest] = differences;
  if (first === undefined) return;
  const also = rest.map((d) => `${d.field} is ${d.found}, not ${d.wanted}`);
  throw new CceError({
    fn,
    argument: first.field,
    expected: `${first.wanted} (options.expect.${first.field})`,
    received: `${first.found} in the checkpoint`,
    hint: [`checkpoint: ${source}`, ...also].join('; '),
  });
}
