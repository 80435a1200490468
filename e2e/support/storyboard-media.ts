import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

async function ffmpegBytes(args: string[], name: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-media-'));
  try {
    await run(FFMPEG, ['-v', 'error', '-y', ...args, join(dir, name)]);
    return await readFile(join(dir, name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An animated GIF: half a second of one colour, then another. */
export const animatedGif = (first: string, second: string) =>
  ffmpegBytes(
    ['-f', 'lavfi', '-i', `color=c=${first}:s=360x640:r=4:d=0.5`, '-f', 'lavfi', '-i', `color=c=${second}:s=360x640:r=4:d=0.5`, '-filter_complex', '[0][1]concat=n=2:v=1[v]', '-map', '[v]'],
    'anim.gif',
  );

/** A pure tone as WAV, easy to find in the mix with a narrow band filter. */
export const musicTone = (seconds: number, frequency: number) =>
  ffmpegBytes(['-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}:sample_rate=48000`, '-c:a', 'pcm_s16le'], 'tone.wav');

