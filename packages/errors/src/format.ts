// Formatting helpers for error messages: short, exact renderings of what a
// caller passed, so messages stay one readable line.

/** Formats a shape as `[32, 10]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Formats any received value for a message: numbers exactly (NaN, Infinity),
 * strings quoted, arrays and typed arrays by type and length, objects by type.
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length;
    return `a ${value.constructor.name} of length ${length ?? value.byteLength}`;
  }
  if (typeof value === 'object') {
    return `an object (${value.constructor?.name ?? 'Object'})`;
  }
  return typeof value;
}
