import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (bytes) of `roots` and every process descended from them, read from /proc. */
export function treeRssBytes(roots: number[]): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      // Field 24 of stat is the resident set in pages.
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of inTree) total += rss.get(pid) ?? 0;
  return total;
}

/** Samples the tree's memory every `intervalMs` until stopped; returns the peak in MiB. */
export function watchPeakMemory(roots: () => number[], intervalMs = 100) {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssBytes(roots()));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return peak / 1024 / 1024;
    },
  };
}

/** CPU seconds of this process and its finished children (ffmpeg, espeak-ng): steadier than wall time on a shared machine. */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime (fields 16 and 17 of stat) in clock ticks, 100 per second on Linux.
    return (own.user + own.system) / 1e6 + (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}
