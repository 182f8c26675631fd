// Merges the settings of a training command: data set preset, then the
// `--config` file, then flags. Every value is checked against its field;
// the first bad one becomes a one-line UsageError naming flag or key.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatValue } from '@cce/errors';
import { usageError } from '../cli/usage-error.js';
import type { ClusterConfig, TrainConfig } from './cluster-config.js';
import type { ConfigCommand } from './config-schema.js';
import {
  CLUSTER_COMMAND_FIELDS,
  type DatasetName,
  type Field,
  SGD_DEFAULT_LR,
  TRAIN_COMMAND_FIELDS,
} from './fields.js';
import { datasetPreset } from './presets.js';

/** Inputs of {@link resolveConfig}. */
export interface ConfigSources {
  command: ConfigCommand;
  /** Values from flags, keyed by field key (undefined = not given). */
  flags: Record<string, unknown>;
  /** Absolute path of the `--config` file, if any. */
  configPath?: string;
}

const META_KEYS = new Set(['$schema', '$meta', 'command']);

/**
 * Resolves the settings of `cce cluster` or `cce train`.
 *
 * @throws UsageError for an unreadable or invalid config file, an unknown
 *   key, or a value outside its field's range.
 */
export async function resolveConfig(
  sources: ConfigSources & { command: 'cluster' },
): Promise<ClusterConfig>;
export async function resolveConfig(
  sources: ConfigSources & { command: 'train' },
): Promise<TrainConfig>;
export async function resolveConfig(
  sources: ConfigSources,
): Promise<ClusterConfig | TrainConfig> {
  const { command, flags } = sources;
  const fields =
    command === 'cluster' ? CLUSTER_COMMAND_FIELDS : TRAIN_COMMAND_FIELDS;
  const fromFile = sources.configPath
    ? await readConfigFile(command, fields, sources.configPath)
    : {};

  const given: Record<string, unknown> = { ...fromFile };
  for (const field of fields) {
    const value = flags[field.key];
    if (value === undefined) continue;
    checkValue(command, field, value, field.flag.split(' ')[0]!);
    given[field.key] = value;
  }

  const dataset = (given.dataset ?? 'mnist') as DatasetName;
  const merged: Record<string, unknown> = {
    ...datasetPreset(dataset),
    ...given,
    dataset,
  };
  // The presets' learning rates are Adam's; SGD wants a far larger one.
  if (merged.optimizer === 'sgd' && given.lr === undefined) {
    merged.lr = SGD_DEFAULT_LR;
  }
  // Field order, so config.json reads like `cce <command> --help`.
  const resolved: Record<string, unknown> = { command };
  for (const field of fields) {
    const value = merged[field.key];
    if (value !== undefined) resolved[field.key] = value;
  }
  return resolved as unknown as ClusterConfig | TrainConfig;
}

async function readConfigFile(
  command: ConfigCommand,
  fields: readonly Field[],
  path: string,
): Promise<Record<string, unknown>> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(
      command,
      '--config',
      'a readable JSON file',
      `${JSON.stringify(path)} (${errorCode(error)})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usageError(
      command,
      '--config',
      'valid JSON',
      `${name}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw usageError(command, '--config', 'a JSON object', formatValue(data));
  }
  return checkFileKeys(command, fields, name, data as Record<string, unknown>);
}

function checkFileKeys(
  command: ConfigCommand,
  fields: readonly Field[],
  name: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'command' && value !== command) {
      throw usageError(
        command,
        'command',
        `'${command}' (or absent)`,
        formatValue(value),
        `In ${name}`,
      );
    }
    if (META_KEYS.has(key)) continue;
    const field = byKey.get(key);
    if (!field) {
      throw usageError(
        command,
        key,
        `a known setting (see cce ${command} --help; keys are camelCase)`,
        'an unknown key',
        `In ${name}`,
      );
    }
    checkValue(command, field, value, key, `In ${name}`);
    values[key] = value;
  }
  return values;
}

function checkValue(
  command: string,
  field: Field,
  value: unknown,
  argument: string,
  hint?: string,
): void {
  if (field.schema.safeParse(value).success) return;
  const received =
    Array.isArray(value) && field.kind === 'int-list'
      ? JSON.stringify(value)
      : formatValue(value);
  throw usageError(command, argument, field.expected, received, hint);
}

/** `ENOENT: no such file or directory` → `ENOENT` plus its meaning. */
export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a folder, not a file';
  return code ?? String((error as Error)?.message ?? error).split('\n')[0]!;
}
