// Public API of @cce/metrics: clustering and classification metrics on
// integer label arrays, and the linear assignment they rest on.
export { accuracy } from './accuracy.js';
export { adjustedMutualInfo } from './adjusted-mutual-info.js';
export { adjustedRandIndex } from './adjusted-rand-index.js';
export {
  clusteringAccuracy,
  type ClusteringAccuracy,
} from './clustering-accuracy.js';
export {
  contingencyMatrix,
  type ContingencyMatrix,
} from './contingency-matrix.js';
export {
  linearAssignment,
  type LinearAssignment,
  type LinearAssignmentOptions,
} from './linear-assignment.js';
export { normalizedMutualInfo } from './normalized-mutual-info.js';
export {
  perClassAccuracy,
  type PerClassAccuracy,
} from './per-class-accuracy.js';
export { purity } from './purity.js';
export { topKAccuracy } from './top-k-accuracy.js';
export type { AverageMethod, LabelArray, MutualInfoOptions } from './types.js';
