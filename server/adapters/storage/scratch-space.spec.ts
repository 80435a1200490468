import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScratchSpace } from './scratch-space.ts';

describe('scratch space', () => {
  it('gives each unit of work its own folder and removes it when the work ends, failed or not', async () => {
    const scratch = new ScratchSpace(await mkdtemp(join(tmpdir(), 'rf-scratch-')));
    const seen: string[] = [];
    const work = async () => {
      const dir = scratch.current();
      seen.push(dir);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'input.wav'), 'x');
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(scratch.current()).toBe(dir);
      return dir;
    };
    const [a, b] = await Promise.all([scratch.run(work), scratch.run(work)]);
    expect(a).not.toBe(b);
    await expect(scratch.run(async () => {
      await work();
      throw new Error('ffmpeg failed');
    })).rejects.toThrow('ffmpeg failed');
    for (const dir of seen) expect(existsSync(dir)).toBe(false);
    expect(seen).toHaveLength(3);
  });

  it('at start removes the folders of processes that are gone, keeps those of live ones', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rf-scratch-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const live = String(process.ppid);
    for (const name of [`${gone}-abc`, `${live}-def`, `${process.pid}-old-incarnation`, 'junk']) await mkdir(join(root, name));
    const removed = await new ScratchSpace(root).removeAbandoned();
    expect(removed).toBe(3);
    expect(await readdir(root)).toEqual([`${live}-def`]);
  });
});
