import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from './run.ts';

export interface FrameOptions {
  signal?: AbortSignal;
  /** Scale to this width (height follows the aspect); the video's own size when absent. */
  width?: number;
}

function scaleArgs(width: number | undefined): string[] {
  return width ? ['-vf', `scale=${Math.round(width / 2) * 2}:-2`] : [];
}

/** One frame of a video at `timeSec` as PNG bytes (seeks on input: fast, frame-accurate with ffmpeg >= 2.1). */
export async function extractFrame(video: string, timeSec: number, options: FrameOptions = {}): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'reelforge-frame-'));
  try {
    const out = join(dir, 'frame.png');
    await runFfmpeg(
      ['-y', '-ss', Math.max(0, timeSec).toFixed(3), '-i', video, ...scaleArgs(options.width), '-frames:v', '1', '-f', 'image2', '-c:v', 'png', out],
      { signal: options.signal },
    );
    return await readFile(out).catch(() => {
      throw new Error(`no frame at ${timeSec.toFixed(3)} s in ${video}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes a JPEG thumbnail of a video to `outputPath`: by default a third of the way in (past a
 * hook's first words, still on a representative scene), 540 px wide.
 */
export async function writeThumbnail(
  video: string,
  outputPath: string,
  options: FrameOptions & { timeSec?: number; durationSec?: number } = {},
): Promise<void> {
  const timeSec = options.timeSec ?? (options.durationSec ? options.durationSec / 3 : 0);
  const partial = `${outputPath}.partial`;
  try {
    await runFfmpeg(
      ['-y', '-ss', timeSec.toFixed(3), '-i', video, ...scaleArgs(options.width ?? 540), '-frames:v', '1', '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', partial],
      { signal: options.signal },
    );
    await rename(partial, outputPath);
  } finally {
    await rm(partial, { force: true });
  }
}
