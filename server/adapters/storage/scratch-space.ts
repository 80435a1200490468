import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Is a process with this pid alive here? A zombie (exited, not reaped) counts as gone. */
async function processAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/**
 * Per-job (and per-request) scratch folders for media pulled out of a remote store so ffmpeg can
 * read local files. A unit of work runs inside `run()`; whatever it downloads goes into its own
 * folder, removed when it ends, failed or not. Folders are named `<pid>-<uuid>`, so a process
 * that was killed leaves folders the next start on this DATA_DIR recognises and removes.
 * The folder is found through AsyncLocalStorage rather than passed down, so the code between a
 * job and the asset it reads (render plans, voice, avatar) stays unaware of where media lives.
 */
export class ScratchSpace {
  private readonly scope = new AsyncLocalStorage<string>();
  private readonly looseDir: string;

  constructor(readonly root: string) {
    this.looseDir = join(root, `${process.pid}-loose`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const dir = join(this.root, `${process.pid}-${randomUUID()}`);
    try {
      return await this.scope.run(dir, work);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The running unit's folder (created by whoever writes into it); outside one, a folder removed at exit or next start. */
  current(): string {
    return this.scope.getStore() ?? this.looseDir;
  }

  /** Removes folders left by processes that are gone; run once at start, before any work. */
  async removeAbandoned(): Promise<number> {
    const entries = await readdir(this.root).catch(() => [] as string[]);
    let removed = 0;
    for (const entry of entries) {
      const pid = Number(entry.split('-')[0]);
      // At start nothing of this process exists yet: a folder with its pid is from an earlier process (pid reuse).
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && (await processAlive(pid))) continue;
      await rm(join(this.root, entry), { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }
}
