// Public API of @cce/docs.
export {};
