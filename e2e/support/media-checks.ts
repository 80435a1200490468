import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);
const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

/** One frame of a video at `timeSec`, as PNG bytes. */
export async function frameAt(video: string, timeSec: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-frame-'));
  try {
    await run(FFMPEG, ['-v', 'error', '-y', '-ss', timeSec.toFixed(3), '-i', video, '-frames:v', '1', join(dir, 'frame.png')]);
    return await readFile(join(dir, 'frame.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mean colour of the middle of a picture (a box a fifth of its size), above the captions. */
export async function centreColour(png: Buffer): Promise<number[]> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const box = { left: Math.round(width * 0.4), top: Math.round(height * 0.3), width: Math.round(width * 0.2), height: Math.round(height * 0.2) };
  const { channels } = await sharp(png).extract(box).removeAlpha().stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

export const hexToRgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
export const colourDistance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** RMS level (dB) of the audio between two times after a filter chain, e.g. a band around the music's tone. */
export async function levelDb(video: string, start: number, end: number, filter: string): Promise<number> {
  const { stderr } = await run(FFMPEG, [
    '-v', 'info', '-nostats', '-i', video, '-vn',
    '-af', `atrim=start=${start.toFixed(3)}:end=${end.toFixed(3)},${filter},astats=measure_perchannel=none:measure_overall=RMS_level`,
    '-f', 'null', '-',
  ]);
  const match = /RMS level dB:\s*(-?[\d.]+|-inf)/.exec(stderr);
  if (!match) throw new Error(`no RMS level in ffmpeg output:\n${stderr.slice(-800)}`);
  return match[1] === '-inf' ? -Infinity : Number(match[1]);
}
