// Public API of @cce/datasets.
export {};
