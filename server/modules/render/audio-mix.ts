import type { RenderPlan } from '../../../contracts/render-plan.ts';

export const AUDIO_SAMPLE_RATE = 48_000;

/** Ducking: the music drops by up to ~18 dB within 20 ms of speech and comes back over 400 ms. */
const DUCKING = 'sidechaincompress=threshold=0.03:ratio=4:attack=15:release=250';

const AUDIO_FORMAT = `aresample=${AUDIO_SAMPLE_RATE},aformat=sample_fmts=fltp:sample_rates=${AUDIO_SAMPLE_RATE}:channel_layouts=stereo`;

/** The music fades in over the first second and out over the last two (less in a very short video). */
function musicFades(totalSamples: number): string {
  const totalSec = totalSamples / AUDIO_SAMPLE_RATE;
  const fadeIn = Math.min(1, totalSec * 0.1);
  const fadeOut = Math.min(2, totalSec * 0.1);
  return `afade=t=in:d=${fadeIn.toFixed(3)},afade=t=out:st=${(totalSec - fadeOut).toFixed(3)}:d=${fadeOut.toFixed(3)}`;
}

/**
 * Audio filters ending in [aout]: the narration padded to the video's length, the music looped
 * under it, faded in and out, and ducked while the voice speaks. The music path must be a file
 * by now (generated music is written before the graph is built).
 */
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
  // Scenes that play their clip's own sound: each cut is placed at its scene's start and mixed with the voice.
  const clipSounds: string[] = [];
  for (const scene of plan.scenes) {
    if (scene.visual.kind !== 'video' || scene.visual.audio !== 'original') continue;
    // The chosen part's sound plays once: a part shorter than the scene is repeated in picture only.
    const part = scene.visual.endAtSec !== undefined ? scene.visual.endAtSec - scene.visual.startAtSec : Infinity;
    const length = Math.min(scene.end - scene.start, part);
    inputArgs.push('-ss', scene.visual.startAtSec.toFixed(3), '-t', length.toFixed(3), '-i', scene.visual.path);
    const delayMs = Math.round(scene.start * 1000);
    filters.push(`[${next}:a]${AUDIO_FORMAT},adelay=${delayMs}:all=1,${fit}[clip${clipSounds.length}]`);
    clipSounds.push(`clip${clipSounds.length}`);
    next++;
  }
  if (clipSounds.length > 0) {
    const parts = [...(voice ? [voice] : []), ...clipSounds];
    // normalize=0: each sound keeps its level (amix would otherwise scale every input down).
    filters.push(parts.length === 1 ? `[${parts[0]}]anull[speech]` : `${parts.map((p) => `[${p}]`).join('')}amix=inputs=${parts.length}:duration=longest:normalize=0[speech]`);
    voice = 'speech';
  }
  let music: string | null = null;
  if (plan.music) {
    if (!plan.music.path) throw new Error('music.path: generated music must be written before the audio graph is built');
    inputArgs.push('-stream_loop', '-1', '-i', plan.music.path);
    filters.push(`[${next}:a]${AUDIO_FORMAT},volume=${plan.music.volume.toFixed(3)},${fit},${musicFades(totalSamples)}[music]`);
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
