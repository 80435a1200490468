import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

interface LockOwner {
  pid: number;
  host: string;
  /** Start time of the process from /proc/<pid>/stat (clock ticks since boot); tells a reused pid apart. */
  startTicks: string | null;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, lockFile: string, owner: LockOwner) {
    const local = owner.host === hostname();
    super(
      `The embedded database in ${dir} is already open in another ReelForge process (pid ${owner.pid} on host ${owner.host}). ` +
        'PGlite allows one process per data directory: stop that process, use another DATA_DIR, ' +
        'or set DATABASE_URL to share a PostgreSQL server between processes. ' +
        (local
          ? `If pid ${owner.pid} is not ReelForge, delete ${lockFile} and start again.`
          : `This host cannot tell whether that process still runs: if host ${owner.host} is gone or ReelForge is stopped there, delete ${lockFile} and start again.`),
    );
    this.name = 'DataDirLockedError';
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces); null without /proc. */
function procStat(pid: number): string[] | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH') return readableProc() ? 'gone' : null;
    return null;
  }
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

const readableProc = () => procStat(process.pid) !== null;

/** This process's start time as the kernel records it; null where there is no /proc. */
export function processStartTicks(pid: number): string | null {
  const fields = procStat(pid);
  return Array.isArray(fields) ? (fields[19] ?? null) : null;
}

/**
 * Whether the lock's owner still runs on this host. A zombie (exited, not yet reaped: state Z or X)
 * is dead; a pid whose start time differs from the one recorded was reused by another process.
 */
export function isOwnerAlive(owner: LockOwner): boolean {
  const fields = procStat(owner.pid);
  if (fields === 'gone') return false;
  if (fields) {
    if (fields[0] === 'Z' || fields[0] === 'X') return false;
    return owner.startTicks === null || fields[19] === owner.startTicks;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a lock file: JSON now, `pid@host` as written by earlier versions. */
function parseOwner(text: string): LockOwner {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    return { pid: Number(parsed.pid), host: String(parsed.host), startTicks: parsed.startTicks ?? null };
  } catch {
    const [pid, host] = text.split('@');
    return { pid: Number(pid), host: host ?? '', startTicks: null };
  }
}

/**
 * PGlite has no lock of its own, and two processes on one data directory corrupt it. The lock file
 * names its owner (pid, host, process start time); a lock whose owner is dead on this host (crash,
 * kill -9, a zombie, a reused pid) is taken over. Another host's lock is never guessed at.
 */
export function acquireDataDirLock(lockFile: string, dir: string): () => void {
  const owner = JSON.stringify({ pid: process.pid, host: hostname(), startTicks: processStartTicks(process.pid) });
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
      const holder = parseOwner(readFileSync(lockFile, 'utf8'));
      if (holder.host !== hostname()) throw new DataDirLockedError(dir, lockFile, holder);
      if (holder.pid !== process.pid && isOwnerAlive(holder)) throw new DataDirLockedError(dir, lockFile, holder);
      unlinkSync(lockFile);
    }
  }
  throw new Error(`could not lock ${dir}`);
}
