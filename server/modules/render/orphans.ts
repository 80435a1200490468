import { readdir, readFile } from 'node:fs/promises';

/**
 * Kills processes on this machine whose command line mentions `path`: the ffmpeg of a render
 * whose worker was killed (kill -9 leaves its child running, still encoding into the job's work
 * directory). Reads /proc, so it does nothing where there is none; returns how many it killed.
 */
export async function killProcessesUsing(path: string): Promise<number> {
  const pids = await readdir('/proc').catch(() => [] as string[]);
  let killed = 0;
  for (const name of pids) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes(path)) continue;
    try {
      process.kill(Number(name), 'SIGKILL');
      killed++;
    } catch {
      // gone already, or not ours to kill
    }
  }
  return killed;
}
