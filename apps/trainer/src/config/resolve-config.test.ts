import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFlags } from '../cli/convert-flags.js';
import { configJsonSchema } from './config-schema.js';
import { CLUSTER_COMMAND_FIELDS } from './fields.js';
import { presetDefaultText } from './presets.js';
import { resolveConfig } from './resolve-config.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cce-config-'));
  await writeFile(
    join(dir, 'run.json'),
    JSON.stringify({ dataset: 'synthetic', epochs: 7, lr: 0.5, $schema: 'x' }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('convertFlags', () => {
  it('parses numbers and lists and keeps text that does not parse', () => {
    const values = convertFlags(CLUSTER_COMMAND_FIELDS, {
      clusters: '12',
      lr: '1e-3',
      hidden: '64, 32',
      epochs: 'ten',
      dataset: 'mnist',
      json: true,
    });
    expect(values).toEqual({
      clusters: 12,
      lr: 0.001,
      hidden: [64, 32],
      epochs: 'ten',
      dataset: 'mnist',
    });
  });
});

describe('resolveConfig', () => {
  it('takes the data set preset, then the file, then flags', async () => {
    const config = await resolveConfig({
      command: 'cluster',
      flags: { epochs: 3 },
      configPath: join(dir, 'run.json'),
    });
    expect(config).toMatchObject({
      command: 'cluster',
      dataset: 'synthetic',
      epochs: 3,
      lr: 0.5,
      samples: 2000,
      objective: 'collision',
    });
    expect(Object.keys(config)[0]).toBe('command');
  });

  it('trains with Adam at the preset rate unless --optimizer sgd, which defaults to lr 0.1', async () => {
    const adam = await resolveConfig({ command: 'train', flags: {} });
    expect(adam).toMatchObject({ optimizer: 'adam', lr: 1e-3 });
    const sgd = await resolveConfig({
      command: 'train',
      flags: { optimizer: 'sgd' },
    });
    expect(sgd).toMatchObject({ optimizer: 'sgd', lr: 0.1, momentum: 0.9 });
    const given = await resolveConfig({
      command: 'cluster',
      flags: { optimizer: 'sgd', lr: 0.02, momentum: 0 },
    });
    expect(given).toMatchObject({ lr: 0.02, momentum: 0 });
  });

  it('names --momentum, its range and the value when it is outside [0, 1)', async () => {
    await expect(
      resolveConfig({ command: 'train', flags: { momentum: 1 } }),
    ).rejects.toThrow(/--momentum.*a number in \[0, 1\).*1/);
  });

  it('uses the MNIST preset when nothing is given', async () => {
    const config = await resolveConfig({ command: 'cluster', flags: {} });
    expect(config.dataset).toBe('mnist');
    expect(config.clusters).toBeUndefined();
  });
});

describe('configJsonSchema', () => {
  it('describes every flag setting with its range and no unknown keys allowed', () => {
    const schema = configJsonSchema('cluster') as {
      properties: Record<string, Record<string, unknown>>;
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    for (const field of CLUSTER_COMMAND_FIELDS) {
      expect(schema.properties[field.key]).toBeDefined();
    }
    expect(schema.properties.clusters).toMatchObject({
      type: 'integer',
      minimum: 2,
    });
    expect(schema.properties.objective!.enum).toContain('collision');
    expect(schema.properties.epochs!['x-default']).toBe(
      presetDefaultText('epochs'),
    );
  });
});
