// File access for the Node loaders: reads whole files or byte ranges and
// turns file-system failures into CceErrors that name the path.
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { CceError, formatValue } from '@cce/errors';

/** Reads a whole file; a missing or unreadable file is a CceError. */
export function readFileBytes(
  fn: string,
  argument: string,
  path: string,
): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CceError({
      fn,
      argument,
      expected: 'a readable file',
      received: JSON.stringify(path),
      hint: (error as Error).message,
    });
  }
}

/** Size of a file in bytes, or a CceError. */
export function fileSize(fn: string, argument: string, path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    throw new CceError({
      fn,
      argument,
      expected: 'a readable file',
      received: JSON.stringify(path),
      hint: (error as Error).message,
    });
  }
}

/** Reads `length` bytes at `position` of a file. */
export function readFileRange(
  fn: string,
  argument: string,
  path: string,
  position: number,
  length: number,
): Uint8Array {
  const out = new Uint8Array(length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    let done = 0;
    while (done < length) {
      const n = readSync(fd, out, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    if (done < length)
      throw new Error(`file ended after ${position + done} bytes`);
    return out;
  } catch (error) {
    throw new CceError({
      fn,
      argument,
      expected: `a file with ${length} bytes at offset ${position}`,
      received: JSON.stringify(path),
      hint: (error as Error).message,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Checks the `dir` option: a non-empty string. */
export function assertDir(fn: string, dir: unknown): asserts dir is string {
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new CceError({
      fn,
      argument: 'dir',
      expected: 'the path of a directory holding the data files',
      received: formatValue(dir),
    });
  }
}

/**
 * Finds the folder holding `probe`: `dir` itself or one of `subdirs` (the
 * folder names of the official archives). Throws naming what was looked for.
 */
export function resolveDataDir(
  fn: string,
  dir: string,
  probe: string,
  subdirs: readonly string[],
): string {
  for (const candidate of [dir, ...subdirs.map((s) => join(dir, s))]) {
    if (existsSync(join(candidate, probe))) return candidate;
  }
  throw new CceError({
    fn,
    argument: 'dir',
    expected: `a directory containing ${probe} (directly or in ${subdirs.join(' or ')})`,
    received: JSON.stringify(dir),
  });
}

/** The first existing file among `names` in `dir`, or a CceError. */
export function findFile(
  fn: string,
  dir: string,
  names: readonly string[],
): string {
  for (const name of names) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  throw new CceError({
    fn,
    argument: 'dir',
    expected: `a directory containing ${names.join(' or ')}`,
    received: JSON.stringify(dir),
  });
}

/** Reads a text file of names, one per non-empty line, if it exists. */
export function readNames(path: string): string[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
