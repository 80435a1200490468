import { execFileSync } from 'node:child_process';

/** ffmpeg processes on this machine whose arguments point into `dir`. */
export function ffmpegProcessesIn(dir: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('ffmpeg') && line.includes(dir)).length;
}
