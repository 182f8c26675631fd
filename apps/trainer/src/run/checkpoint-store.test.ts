import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCheckpoint, writeCheckpoint } from './checkpoint-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cce-ckpt-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeCheckpoint', () => {
  it('keeps the two newest checkpoints and points latest.json at the newest', async () => {
    for (const tag of ['epoch-0001', 'epoch-0002', 'epoch-0003']) {
      await writeCheckpoint(dir, tag, {
        'a.txt': tag,
        'b.bin': new Uint8Array([1, 2]),
      });
    }
    const entries = (await readdir(join(dir, 'checkpoints'))).sort();
    expect(entries).toEqual(['epoch-0002', 'epoch-0003', 'latest.json']);
    expect(
      await readFile(join(dir, 'checkpoints', 'epoch-0003', 'a.txt'), 'utf8'),
    ).toBe('epoch-0003');
    expect(await findCheckpoint(dir)).toBe(
      join(dir, 'checkpoints', 'epoch-0003'),
    );
  });

  it('finds a checkpoint from the run folder, the checkpoints folder or itself', async () => {
    await writeCheckpoint(dir, 't1', { 'state.json': '{}' });
    const target = join(dir, 'checkpoints', 't1');
    expect(await findCheckpoint(join(dir, 'checkpoints'))).toBe(target);
    expect(await findCheckpoint(target)).toBe(target);
    expect(await findCheckpoint(join(dir, 'nowhere'))).toBeUndefined();
  });
});
