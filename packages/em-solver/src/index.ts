// Public API of @cce/em-solver.
export {};
