import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderPlan } from '../contracts/render-plan.ts';
import { probeMedia } from '../server/adapters/ffmpeg/probe.ts';
import { runFfmpeg } from '../server/adapters/ffmpeg/run.ts';
import { escapeFilterValue } from '../server/modules/render/filter-graph.ts';
import { AUDIO_SAMPLE_RATE, X264_SETTINGS, buildRenderArgs } from '../server/modules/render/render-args.ts';
import { prepareRender } from '../server/modules/render/render-video.ts';
import { withMusicFile } from '../server/modules/render/music-track.ts';
import { clipFrames } from '../server/modules/render/timeline.ts';

export interface BareEncodes {
  /** Our own ffmpeg command alone, on inputs prepared beforehand: the encoder's floor. */
  oursAloneSec: number;
  /** What one would write by hand: each still looped by the image demuxer, concatenated, captions, narration. */
  handWrittenSec: number;
  handWrittenDurationSec: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * The same inputs (the plan's stills, narration and captions, prepared once) encoded into the
 * same output format by ffmpeg alone, twice: with our filter graph, and with a hand-written one.
 */
export async function bareEncodes(plan: RenderPlan): Promise<BareEncodes> {
  const dir = await mkdtemp(join(tmpdir(), 'rf-bench-bare-'));
  try {
    const prepared = await prepareRender(plan, dir, null);
    const { timeline: preparedTimeline } = prepared;
    prepared.request.plan = await withMusicFile(prepared.request.plan, preparedTimeline.totalFrames / preparedTimeline.fps, dir);
    const oursAloneSec = await timed(() => runFfmpeg(buildRenderArgs(prepared.request, join(dir, 'ours.mp4'))));

    const { timeline, sources, assPath, fontsDir } = prepared.request;
    const x264 = X264_SETTINGS[plan.output.quality];
    const inputs = timeline.clips.flatMap((clip) => {
      const source = sources[clip.index]!;
      if (source.kind !== 'still') throw new Error('the benchmark plan has stills only');
      return ['-loop', '1', '-framerate', String(timeline.fps), '-t', (clipFrames(clip) / timeline.fps).toFixed(3), '-i', source.path];
    });
    const count = timeline.clips.length;
    const video = `${timeline.clips.map((_, i) => `[${i}:v]`).join('')}concat=n=${count}:v=1:a=0${assPath ? `,ass=filename=${escapeFilterValue(assPath)}:fontsdir=${escapeFilterValue(fontsDir)}` : ''},format=yuv420p[v]`;
    const handWritten = join(dir, 'hand.mp4');
    const handWrittenSec = await timed(() =>
      runFfmpeg([
        '-y',
        ...inputs,
        ...(plan.narration ? ['-i', plan.narration.path] : []),
        '-filter_complex', video,
        '-map', '[v]',
        ...(plan.narration ? ['-map', `${count}:a`] : []),
        '-c:v', 'libx264', '-preset', x264.preset, '-crf', String(x264.crf),
        ...(x264.params ? ['-x264-params', x264.params] : []),
        '-pix_fmt', 'yuv420p', '-r', String(timeline.fps),
        '-c:a', 'aac', '-b:a', '160k', '-ar', String(AUDIO_SAMPLE_RATE), '-ac', '2',
        '-movflags', '+faststart',
        handWritten,
      ]),
    );
    return { oursAloneSec, handWrittenSec, handWrittenDurationSec: (await probeMedia(handWritten)).durationSec };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
