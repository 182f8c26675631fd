// Public API of @cce/errors.
export { CceError, isCceError, type CceErrorInit } from './cce-error.js';
export { formatShape, formatValue } from './format.js';
