// Reads a checkpoint folder for --resume or eval: every file in memory,
// with a missing or damaged file reported as bad input naming the folder.
import { UsageError } from '../cli/usage-error.js';
import { readCheckpoint } from './checkpoint-store.js';

/** A checkpoint's files, read eagerly. */
export interface OpenCheckpoint {
  dir: string;
  /** Bytes of a file; throws UsageError when it is missing. */
  bytes(name: string): Uint8Array;
  /** UTF-8 text of a file; throws UsageError when it is missing. */
  text(name: string): string;
  has(name: string): boolean;
}

/** Reads the checkpoint in `dir`. */
export async function openCheckpoint(
  command: string,
  dir: string,
): Promise<OpenCheckpoint> {
  let files: Map<string, Uint8Array>;
  try {
    files = await readCheckpoint(dir);
  } catch (error) {
    throw new UsageError(
      `cce ${command}: cannot read checkpoint ${dir}: ${(error as Error).message}`,
    );
  }
  const bytes = (name: string) => {
    const data = files.get(name);
    if (!data) {
      throw new UsageError(
        `cce ${command}: checkpoint ${dir} lacks ${name}; it is incomplete or from another command`,
      );
    }
    return data;
  };
  return {
    dir,
    bytes,
    text: (name) => new TextDecoder().decode(bytes(name)),
    has: (name) => files.has(name),
  };
}
