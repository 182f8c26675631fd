// `cce cluster`: turns parsed flags into settings (or reopens a run for
// --resume) and runs the clustering.
import { join } from 'node:path';
import {
  assertNoSettingsWithResume,
  commandLine,
  configPath,
} from '../cli/command-line.js';
import type { CommandContext } from '../cli/context.js';
import { convertFlags } from '../cli/convert-flags.js';
import type { RawOptions } from '../cli/program.js';
import { CLUSTER_COMMAND_FIELDS } from '../config/fields.js';
import { resolveConfig } from '../config/resolve-config.js';
import { RUN_FILES, RunFolder } from '../run/run-folder.js';
import { runCluster } from './run-cluster.js';

/** Runs `cce cluster` with commander's options. */
export async function runClusterCommand(
  raw: RawOptions,
  ctx: CommandContext,
): Promise<void> {
  const startedAt = performance.now();
  if (typeof raw.resume === 'string') {
    assertNoSettingsWithResume('cluster', CLUSTER_COMMAND_FIELDS, raw);
    const { folder, checkpoint } = await RunFolder.open(
      'cluster',
      ctx.io.cwd,
      raw.resume,
    );
    const config = await resolveConfig({
      command: 'cluster',
      flags: {},
      configPath: join(folder.dir, RUN_FILES.config),
    });
    await runCluster(config, ctx, {
      folder: async () => folder,
      commandLine: commandLine(ctx.argv),
      resumeFrom: checkpoint,
      startedAt,
    });
    return;
  }

  const config = await resolveConfig({
    command: 'cluster',
    flags: convertFlags(CLUSTER_COMMAND_FIELDS, raw),
    configPath: configPath(raw, ctx.io.cwd),
  });
  const out = typeof raw.out === 'string' ? raw.out : undefined;
  await RunFolder.checkOut('cluster', ctx.io.cwd, out);
  await runCluster(config, ctx, {
    folder: () =>
      RunFolder.create(
        'cluster',
        ctx.io.cwd,
        `cluster-${config.dataset}-${config.objective}`,
        out,
      ),
    commandLine: commandLine(ctx.argv),
    startedAt,
  });
}
