import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { buildVideoGraph } from './filter-graph.ts';
import { prepareRender } from './render-video.ts';
import { clipFrames } from './timeline.ts';
import type { Timeline } from './timeline.ts';

/** Clips that show frame `frame`: one, or two during a crossfade. */
export function clipsAtFrame(timeline: Timeline, frame: number): number[] {
  return timeline.clips
    .filter((clip) => {
      const start = clip.startFrame - clip.leadIn;
      return frame >= start && frame < start + clipFrames(clip);
    })
    .map((clip) => clip.index);
}

/**
 * One frame of the video as the render would draw it, as PNG bytes: the same timeline, clip
 * filters, joins and captions, built only for the clips on screen at `timeSec`.
 */
export async function renderPreviewFrame(planInput: unknown, timeSec: number, options: { signal?: AbortSignal } = {}): Promise<Buffer> {
  const workDir = await mkdtemp(join(tmpdir(), 'reelforge-preview-'));
  try {
    let frame = 0;
    const { timeline, request } = await prepareRender(
      planInput,
      workDir,
      (t) => {
        frame = Math.min(t.totalFrames - 1, Math.max(0, Math.round(timeSec * t.fps)));
        return clipsAtFrame(t, frame);
      },
      options,
    );
    const first = timeline.clips[request.window.first]!;
    const local = frame - (first.startFrame - first.leadIn);
    const video = buildVideoGraph(request);
    const out = join(workDir, 'frame.png');
    await runFfmpeg(
      [
        '-y',
        ...video.inputArgs,
        '-filter_complex', [...video.filters, `[vout]trim=start_frame=${local}:end_frame=${local + 1}[frame]`].join(';'),
        '-map', '[frame]',
        '-frames:v', '1',
        '-f', 'image2',
        '-c:v', 'png',
        out,
      ],
      { signal: options.signal },
    );
    return await readFile(out);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
