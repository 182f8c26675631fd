// Public API of @cce/runtime.
export {};
