// `cce train`: turns parsed flags into settings (or reopens a run for
// --resume) and runs the supervised training.
import { join } from 'node:path';
import {
  assertNoSettingsWithResume,
  commandLine,
  configPath,
} from '../cli/command-line.js';
import type { CommandContext } from '../cli/context.js';
import { convertFlags } from '../cli/convert-flags.js';
import type { RawOptions } from '../cli/program.js';
import { TRAIN_COMMAND_FIELDS } from '../config/fields.js';
import { resolveConfig } from '../config/resolve-config.js';
import { RUN_FILES, RunFolder } from '../run/run-folder.js';
import { runTrain } from './run-train.js';

/** Runs `cce train` with commander's options. */
export async function runTrainCommand(
  raw: RawOptions,
  ctx: CommandContext,
): Promise<void> {
  const startedAt = performance.now();
  if (typeof raw.resume === 'string') {
    assertNoSettingsWithResume('train', TRAIN_COMMAND_FIELDS, raw);
    const { folder, checkpoint } = await RunFolder.open(
      'train',
      ctx.io.cwd,
      raw.resume,
    );
    const config = await resolveConfig({
      command: 'train',
      flags: {},
      configPath: join(folder.dir, RUN_FILES.config),
    });
    await runTrain(config, ctx, {
      folder: async () => folder,
      commandLine: commandLine(ctx.argv),
      resumeFrom: checkpoint,
      startedAt,
    });
    return;
  }
  const config = await resolveConfig({
    command: 'train',
    flags: convertFlags(TRAIN_COMMAND_FIELDS, raw),
    configPath: configPath(raw, ctx.io.cwd),
  });
  const out = typeof raw.out === 'string' ? raw.out : undefined;
  await RunFolder.checkOut('train', ctx.io.cwd, out);
  await runTrain(config, ctx, {
    folder: () =>
      RunFolder.create(
        'train',
        ctx.io.cwd,
        `train-${config.dataset}-${config.loss}`,
        out,
      ),
    commandLine: commandLine(ctx.argv),
    startedAt,
  });
}
