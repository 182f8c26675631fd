// Where and how a report was produced: machine, Node, date, command and
// wall time, stated in every report.
import os from 'node:os';

/** The facts every report states. */
export interface Environment {
  date: string;
  node: string;
  os: string;
  /** `2 × AMD EPYC`. */
  cpus: string;
  /** `pnpm experiments …` as it was invoked. */
  command: string;
}

/** The environment of this process; `argv` are the experiment flags. */
export function currentEnvironment(argv: readonly string[]): Environment {
  const cpus = os.cpus();
  const models = [...new Set(cpus.map((c) => c.model.trim()))];
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: `${cpus.length} × ${models.join(', ') || 'unknown CPU'}`,
    command: ['pnpm experiments', ...argv].join(' '),
  };
}

/** Markdown lines of an environment block. */
export function environmentLines(
  env: Environment,
  extra: Record<string, string>,
): string[] {
  const rows: Record<string, string> = {
    command: `\`${env.command}\``,
    date: env.date,
    machine: `${env.cpus}, ${env.os}`,
    node: env.node,
    ...extra,
  };
  return Object.entries(rows).map(([k, v]) => `- **${k}**: ${v}`);
}
