// Public API of @cce/losses.
export {};
