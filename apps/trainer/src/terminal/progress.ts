// Progress bars on stderr with ETA and live metrics (cli-progress). In a
// terminal the bar redraws in place; in CI logs (`noTTYOutput`) it prints a
// line every few seconds. Disabled bars cost nothing.
import cliProgress from 'cli-progress';
import type { CommandContext } from '../cli/context.js';

/** A progress bar over `total` steps. */
export interface ProgressBar {
  /** Sets the position and the live metrics shown after the bar. */
  update(done: number, metrics?: Record<string, string>): void;
  /** Removes the bar (terminal) so the next log line starts clean. */
  stop(): void;
}

const NOOP: ProgressBar = { update() {}, stop() {} };

/** Without a terminal, a bar starts only after this long. */
const NON_TTY_DELAY_MS = 5_000;

/** A bar titled `label` over `total` steps, or a no-op without progress. */
export function createProgressBar(
  ctx: CommandContext,
  label: string,
  total: number,
): ProgressBar {
  if (!ctx.progress || total <= 0) return NOOP;
  // In a log (no terminal) a bar only appears once a pass takes a while,
  // so short epochs leave just their summary line.
  const delayMs = ctx.io.errIsTty ? 0 : NON_TTY_DELAY_MS;
  const created = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  const start = (done: number) => {
    bar = new cliProgress.SingleBar({
      format: `${label} {bar} {value}/{total} | {duration_formatted} < ETA {eta_formatted} | {metrics}`,
      stream: ctx.io.progressStream,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      hideCursor: false,
      clearOnComplete: true,
      barsize: 24,
      etaBuffer: 50,
      fps: 5,
      barCompleteChar: '\u2588',
      barIncompleteChar: '\u2591',
    });
    bar.start(total, done, { metrics: '' });
  };
  return {
    update(done, metrics = {}) {
      if (!bar && performance.now() - created >= delayMs) start(done);
      const text = Object.entries(metrics)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      bar?.update(done, { metrics: text });
    },
    stop() {
      bar?.stop();
    },
  };
}
