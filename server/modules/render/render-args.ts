import type { QualityPreset, RenderPlan } from '../../../contracts/render-plan.ts';
import { buildVideoGraph } from './filter-graph.ts';
import type { GraphRequest } from './filter-graph.ts';

export const AUDIO_SAMPLE_RATE = 48_000;

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

/** Ducking: the music drops by up to ~18 dB within 20 ms of speech and comes back over 400 ms. */
const DUCKING = 'sidechaincompress=threshold=0.015:ratio=8:attack=20:release=400';

const AUDIO_FORMAT = `aresample=${AUDIO_SAMPLE_RATE},aformat=sample_fmts=fltp:sample_rates=${AUDIO_SAMPLE_RATE}:channel_layouts=stereo`;

/** Audio filters ending in [aout]: narration padded to the video's length, music looped under it. */
export function buildAudioGraph(plan: RenderPlan, firstInput: number, totalSamples: number): { inputArgs: string[]; filters: string[] } {
  const inputArgs: string[] = [];
  const filters: string[] = [];
  let next = firstInput;
  const fit = `apad,atrim=end_sample=${totalSamples}`;
  let voice: string | null = null;
  if (plan.narration) {
    inputArgs.push('-i', plan.narration.path);
    filters.push(`[${next}:a]${AUDIO_FORMAT},${fit}[voice]`);
    voice = 'voice';
    next++;
  }
  let music: string | null = null;
  if (plan.music) {
    inputArgs.push('-stream_loop', '-1', '-i', plan.music.path);
    filters.push(`[${next}:a]${AUDIO_FORMAT},volume=${plan.music.volume.toFixed(3)},${fit}[music]`);
    music = 'music';
    next++;
  }

  if (voice && music) {
    if (plan.music?.duck) {
      filters.push(`[voice]asplit=2[voicemix][voicekey]`, `[music][voicekey]${DUCKING}[ducked]`);
      voice = 'voicemix';
      music = 'ducked';
    }
    // amerge + pan adds the two signals as they are (amix would scale both down).
    // amerge needs explicit layouts on its inputs (sidechaincompress leaves its output's unset).
    filters.push(
      `[${voice}]aformat=channel_layouts=stereo[voicein]`,
      `[${music}]aformat=channel_layouts=stereo[musicin]`,
      `[voicein][musicin]amerge=inputs=2,pan=stereo|c0=c0+c2|c1=c1+c3[aout]`,
    );
  } else if (voice || music) {
    filters.push(`[${voice ?? music}]anull[aout]`);
  } else {
    filters.push(`anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${totalSamples}[aout]`);
  }
  return { inputArgs, filters };
}

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
