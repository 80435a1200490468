import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  parent: number;
  name: string;
  rss: number;
  /** user + system CPU seconds so far */
  cpu: number;
}

/** Every live process, read from /proc/<pid>/stat. */
export function readProcesses(): Map<number, ProcessInfo> {
  const processes = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(entry), {
        parent: Number(fields[1]),
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        // Field 24 of stat is the resident set in pages; 14 and 15 are utime and stime in clock ticks (100 per second).
        rss: Number(fields[21]) * 4096,
        cpu: (Number(fields[11]) + Number(fields[12])) / 100,
      });
    } catch {
      // the process ended meanwhile
    }
  }
  return processes;
}

/** Per cent of one core the picked processes used together between two readings `seconds` apart; a process started in between counts from zero. */
export function cpuPercent(before: Map<number, ProcessInfo>, after: Map<number, ProcessInfo>, seconds: number, pick: (pid: number, p: ProcessInfo) => boolean): number {
  let used = 0;
  for (const [pid, p] of after) {
    if (!pick(pid, p)) continue;
    const earlier = before.get(pid);
    used += p.cpu - (earlier?.name === p.name ? earlier.cpu : 0);
  }
  return (100 * used) / seconds;
}

/** Resident memory (bytes) of `roots` and every process descended from them, in total and by program name, read from /proc. */
export function treeRss(roots: number[]): { total: number; byName: Map<string, number> } {
  const processes = readProcesses();
  const inTree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { parent }] of processes) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  const byName = new Map<string, number>();
  for (const pid of inTree) {
    const found = processes.get(pid);
    if (!found) continue;
    total += found.rss;
    byName.set(found.name, Math.max(byName.get(found.name) ?? 0, found.rss));
  }
  return { total, byName };
}

const MIB = 1024 * 1024;

/** Samples the tree's memory every `intervalMs` until stopped: the peak in MiB, and each program's own peak. */
export function watchPeakMemory(roots: () => number[], intervalMs = 100) {
  let peak = 0;
  const programs = new Map<string, number>();
  const sample = () => {
    const { total, byName } = treeRss(roots());
    peak = Math.max(peak, total);
    for (const [name, rss] of byName) programs.set(name, Math.max(programs.get(name) ?? 0, rss));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): { peakMiB: number; byProgramMiB: Record<string, number> } {
      clearInterval(timer);
      sample();
      return { peakMiB: peak / MIB, byProgramMiB: Object.fromEntries([...programs].map(([name, rss]) => [name, Math.round(rss / MIB)])) };
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
