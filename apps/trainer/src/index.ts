// Public API of @cce/trainer: the `cce` command as a function, the config
// schemas (for the docs) and the result types.
export { runCli, type RunCliOptions } from './cli/run-cli.js';
export { processIo, type CliIo } from './cli/io.js';
export type { BatchPosition, RunHooks } from './cli/context.js';
export { EXIT } from './cli/usage-error.js';
export {
  clusterConfigFileSchema,
  configJsonSchema,
  trainConfigFileSchema,
  type ConfigCommand,
} from './config/config-schema.js';
export type { ClusterConfig, TrainConfig } from './config/cluster-config.js';
export {
  BACKBONES,
  DATASETS,
  OBJECTIVES,
  TRAIN_LOSSES,
} from './config/fields.js';
export type { EpochRecord, SplitMetrics } from './run/epoch-record.js';
export type { RunResult } from './run/run-result.js';
export { writeFileAtomic } from './run/write-file-atomic.js';
