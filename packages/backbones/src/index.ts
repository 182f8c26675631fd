// Public API of @cce/backbones.
export {};
