import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in another ReelForge process (pid ${pid}). ` +
        'PGlite allows one process per data directory: stop the other process, use another DATA_DIR, ' +
        'or set DATABASE_URL to share a PostgreSQL server between processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own, and two processes on one data directory corrupt it. The lock file
 * holds the owner's pid; a lock left by a dead process (crash, kill -9) is taken over.
 */
export function acquireDataDirLock(lockFile: string, dir: string): () => void {
  const owner = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, owner, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8') === owner) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, host] = readFileSync(lockFile, 'utf8').split('@');
      const pid = Number(pidText);
      if (host === hostname() && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      if (host !== hostname()) throw new DataDirLockedError(dir, pid);
      unlinkSync(lockFile);
    }
  }
  throw new Error(`could not lock ${dir}`);
}
