import type { QualityPreset } from '../../../contracts/render-plan.ts';
import { buildVideoGraph } from './filter-graph.ts';
import type { GraphRequest } from './filter-graph.ts';
import { AUDIO_SAMPLE_RATE, buildAudioGraph } from './audio-mix.ts';

export { AUDIO_SAMPLE_RATE };

/**
 * x264 settings per quality preset. A short is mostly a still picture repeated, and on two cores
 * the encoder is nearly all of the render time, so 'standard' is ultrafast with the deblocking
 * filter switched back on (ultrafast drops it, which shows as blocks on gradients) at a CRF that
 * keeps text crisp: about half the CPU of superfast for files about twice as large (~6 MB/min).
 */
export const X264_SETTINGS: Record<QualityPreset, { preset: string; crf: number; params?: string }> = {
  draft: { preset: 'ultrafast', crf: 28 },
  standard: { preset: 'ultrafast', crf: 22, params: 'deblock=0,0' },
  high: { preset: 'veryfast', crf: 20 },
};

/** Every ffmpeg argument of a full render into `outputPath` (an MP4, whatever its name ends with). */
export function buildRenderArgs(req: GraphRequest, outputPath: string): string[] {
  const { plan, timeline } = req;
  const video = buildVideoGraph(req);
  const totalSamples = Math.round((timeline.totalFrames / timeline.fps) * AUDIO_SAMPLE_RATE);
  const audio = buildAudioGraph(plan, video.inputCount, totalSamples);
  const x264 = X264_SETTINGS[plan.output.quality];
  return [
    '-y',
    ...video.inputArgs,
    ...audio.inputArgs,
    '-filter_complex', [...video.filters, ...audio.filters].join(';'),
    '-map', '[vout]',
    '-map', '[aout]',
    '-c:v', 'libx264',
    '-preset', x264.preset,
    '-crf', String(x264.crf),
    ...(x264.params ? ['-x264-params', x264.params] : []),
    '-pix_fmt', 'yuv420p',
    '-r', String(timeline.fps),
    '-frames:v', String(timeline.totalFrames),
    '-c:a', 'aac',
    '-b:a', '160k',
    '-ar', String(AUDIO_SAMPLE_RATE),
    '-ac', '2',
    '-movflags', '+faststart',
    '-f', 'mp4',
    outputPath,
  ];
}
