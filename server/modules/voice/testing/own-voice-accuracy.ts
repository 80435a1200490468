import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../../../contracts/formats.ts';
import { FestivalProvider } from '../../../adapters/tts/festival/provider.ts';
import { boundariesFromAlignment } from '../own-alignment.ts';
import { prepareOwnTrack, timeOwnAudio } from '../own-voice.ts';
import type { TextScene } from '../reading-speed.ts';
import { ENGLISH_NEWS_SCENES, ENGLISH_SCENES, RUSSIAN_NEWS_SCENES, RUSSIAN_SCENES } from './scripts.ts';

export const OWN_VOICE_SCRIPTS: Record<Language, TextScene[][]> = {
  en: [ENGLISH_SCENES, ENGLISH_NEWS_SCENES],
  ru: [RUSSIAN_SCENES, RUSSIAN_NEWS_SCENES],
};
const VOICE: Record<Language, string> = { en: 'cmu_us_slt_arctic_hts', ru: 'msu_ru_nsh_clunits' };

export interface ScriptAccuracy {
  words: number;
  /** |aligned start - spoken start| per word, seconds. */
  errors: number[];
  /** Whether each proposed cut lies between the last word of one scene and the first of the next. */
  cutsBetweenScenes: boolean[];
  recordingSec: number;
  alignSec: number;
}

/**
 * Speaks a script with festival in one go (festival reports when each word starts), then treats
 * the recording as an uploaded own voice: converted and normalised as uploads are, scene
 * boundaries proposed, words aligned. Compares each word's start with the spoken one.
 */
export async function measureOwnVoiceAlignment(scenes: TextScene[], language: Language): Promise<ScriptAccuracy> {
  const spoken = await new FestivalProvider().synthesize({ text: scenes.map((s) => s.text).join(' '), voiceId: VOICE[language], language, speed: 1 });
  const truth = spoken.alignment!.items;
  const dir = await mkdtemp(join(tmpdir(), 'reelforge-own-accuracy-'));
  try {
    await writeFile(join(dir, 'upload.wav'), spoken.audio);
    const track = await prepareOwnTrack(join(dir, 'upload.wav'), join(dir, 'track.wav'));
    const started = performance.now();
    const boundaries = boundariesFromAlignment(track.samples, scenes, track.durationSec, language);
    const timings = timeOwnAudio(track.samples, scenes, boundaries, track.durationSec, language);
    const alignSec = (performance.now() - started) / 1000;
    const words = timings.segments.flatMap((s) => s.words ?? []);
    if (words.length !== truth.length) throw new Error(`aligned ${words.length} words, festival spoke ${truth.length}`);
    const sceneSizes = timings.segments.map((s) => s.words?.length ?? 0);
    const cutsBetweenScenes = boundaries.slice(0, -1).map((b, i) => {
      const lastWord = sceneSizes.slice(0, i + 1).reduce((a, n) => a + n, 0) - 1;
      return truth[lastWord]!.end - 0.03 <= b.end && b.end <= truth[lastWord + 1]!.start + 0.03;
    });
    return { words: words.length, errors: words.map((w, i) => Math.abs(w.start - truth[i]!.start)), cutsBetweenScenes, recordingSec: track.durationSec, alignSec };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
