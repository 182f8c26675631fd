// Turns commander's strings into typed values by field kind. A string that
// does not parse is kept as is, so validation reports exactly what the user
// typed ("got "abc"").
import type { Field } from '../config/fields.js';
import type { RawOptions } from './program.js';

const INT = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function convert(field: Field, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  switch (field.kind) {
    case 'int':
      return INT.test(text) ? Number(text) : raw;
    case 'number':
      return NUMBER.test(text) ? Number(text) : raw;
    case 'int-list': {
      const parts = text.split(',').map((p) => p.trim());
      return parts.every((p) => INT.test(p)) ? parts.map(Number) : raw;
    }
    default:
      return raw;
  }
}

/**
 * Values of `fields` from commander's options, keyed by field key; flags
 * that were not given are absent.
 */
export function convertFlags(
  fields: readonly Field[],
  raw: RawOptions,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = raw[field.key];
    if (value !== undefined) values[field.key] = convert(field, value);
  }
  return values;
}
