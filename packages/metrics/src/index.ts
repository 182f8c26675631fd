// Public API of @cce/metrics.
export {};
