// zod schemas of the `--config run.json` files of `cce cluster` and
// `cce train`, built from the field table, and their JSON Schema (the docs
// publish it). Every key is optional: flags and presets fill the rest.
import { z } from 'zod';
import {
  CLUSTER_COMMAND_FIELDS,
  type Field,
  TRAIN_COMMAND_FIELDS,
} from './fields.js';
import { defaultText } from './presets.js';

/** Commands that read a config file. */
export type ConfigCommand = 'cluster' | 'train';

function objectSchema(command: ConfigCommand, fields: readonly Field[]) {
  const shape: Record<string, z.ZodType> = {
    $schema: z.string().optional().describe('URL or path of this schema'),
    command: z
      .literal(command)
      .optional()
      .describe('the command the file is for (written in run folders)'),
    $meta: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('version, time and command line (written in run folders)'),
  };
  for (const field of fields) {
    const described = field.schema.describe(field.description);
    shape[field.key] = (
      field.defaultText === undefined
        ? described
        : described.meta({ 'x-default': defaultText(field) })
    ).optional();
  }
  return z.object(shape).strict();
}

/** Schema of a `cce cluster --config` file. */
export const clusterConfigFileSchema = objectSchema(
  'cluster',
  CLUSTER_COMMAND_FIELDS,
);

/** Schema of a `cce train --config` file. */
export const trainConfigFileSchema = objectSchema(
  'train',
  TRAIN_COMMAND_FIELDS,
);

/**
 * The JSON Schema (draft 2020-12) of a config file, for editors and the
 * docs. Defaults that depend on the data set appear as `x-default` text.
 *
 * @example
 * ```ts
 * const schema = configJsonSchema('cluster');
 * // schema.properties.clusters → { type: 'integer', minimum: 2, … }
 * ```
 */
export function configJsonSchema(
  command: ConfigCommand,
): Record<string, unknown> {
  const schema =
    command === 'cluster' ? clusterConfigFileSchema : trainConfigFileSchema;
  return z.toJSONSchema(schema) as Record<string, unknown>;
}
