import type { Language } from '../../../contracts/formats.ts';
import type { WordTiming } from '../../../contracts/step-data.ts';
import { decodeToPcm, TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { TtsError } from '../../adapters/tts/errors.ts';
import type { SynthesisResult, TtsProvider } from '../../adapters/tts/types.ts';
import { type Clip, type ClipCache, clipKey } from './clip-cache.ts';
import type { Semaphore } from './limit.ts';
import { trimSilence } from './pcm.ts';
import { PHRASE_GAP_SEC, type Phrase } from './phrases.ts';
import { foldTimings, toSpeech, type SpeechText } from './speech-normaliser/index.ts';
import { spokenPhrases, type SpokenPhrase } from './spoken-phrases.ts';
import { distributeWords, tidyWordTimings, wordsFromAlignment } from './word-timing.ts';
import { splitWords } from './words.ts';

export interface SceneVoice {
  provider: TtsProvider;
  voiceId: string;
  language: Language;
  speed: number;
  pitch?: number;
}

export interface SceneClipContext {
  voice: SceneVoice;
  cache: ClipCache;
  /** Shared by every synthesis of a narration, sized by the provider's maxConcurrency. */
  limiter: Semaphore;
  signal?: AbortSignal;
  /** Counts provider calls (cache misses), for tests and benchmarks. */
  onSynthesis?: () => void;
}

export interface SceneClip {
  clip: Clip;
  /** The cache key of this clip: text, voice, settings and provider fingerprint. */
  key: string;
  reused: boolean;
}

function keyOf(voice: SceneVoice, kind: string, text: string): string {
  return clipKey({
    kind,
    provider: voice.provider.id,
    fingerprint: voice.provider.fingerprint,
    voiceId: voice.voiceId,
    language: voice.language,
    speed: voice.speed,
    pitch: voice.pitch,
    text,
  });
}

async function synthesizeTrimmed(context: SceneClipContext, text: string, sceneId: string): Promise<{ samples: Float32Array; leadSec: number; result: SynthesisResult }> {
  const { voice, signal } = context;
  return context.limiter.run(async () => {
    signal?.throwIfAborted();
    context.onSynthesis?.();
    const request = { text, voiceId: voice.voiceId, language: voice.language, speed: voice.speed, pitch: voice.pitch, signal };
    const result = await voice.provider.synthesize(request);
    const decoded = await decodeToPcm({ data: result.audio, format: result.format, sampleRate: result.sampleRate }, { signal });
    const trimmed = trimSilence(decoded, TRACK_SAMPLE_RATE);
    if (!trimmed) throw new TtsError(`${voice.provider.id} returned silence for scene "${sceneId}"`, voice.provider.id, 'bad-response');
    return { ...trimmed, result };
  });
}

/**
 * Caption words timed from the spoken words' times: each written word spans the spoken words it
 * became ("2019" → "twenty nineteen"). Falls back to spreading the written words over the speech
 * when the timings do not match the spoken words one to one.
 */
function writtenTimings(speech: SpeechText, spokenTimings: WordTiming[], language: Language): WordTiming[] {
  const folded = foldTimings(speech, spokenTimings);
  if (folded) return folded;
  if (spokenTimings.length === 0) return [];
  const written = speech.spans.map((span) => span.word);
  return distributeWords(written, spokenTimings[0]!.start, Math.max(...spokenTimings.map((w) => w.end)), language);
}

/** The whole scene in one request; word times from the provider's alignment (or estimated if it sent none). */
async function alignedSceneClip(context: SceneClipContext, speech: SpeechText, sceneId: string): Promise<Clip> {
  const { language } = context.voice;
  const { samples, leadSec, result } = await synthesizeTrimmed(context, speech.spoken, sceneId);
  const durationSec = samples.length / TRACK_SAMPLE_RATE;
  const spoken = result.alignment
    ? wordsFromAlignment(speech.spoken, result.alignment, language)
    : distributeWords(splitWords(speech.spoken).map((w) => w.text), leadSec, leadSec + durationSec, language);
  const words = tidyWordTimings(writtenTimings(speech, spoken, language), floorMs(durationSec), -leadSec);
  return { samples, sampleRate: TRACK_SAMPLE_RATE, words, timingSource: result.alignment ? 'alignment' : 'estimate' };
}

async function phraseClip(context: SceneClipContext, { phrase, speech }: SpokenPhrase, sceneId: string): Promise<Clip> {
  const key = keyOf(context.voice, 'phrase', `${speech.spoken}\n${phrase.text}`);
  const cached = await context.cache.get(key);
  if (cached) return cached;
  const { samples } = await synthesizeTrimmed(context, speech.spoken, sceneId);
  const durationSec = samples.length / TRACK_SAMPLE_RATE;
  const spoken = distributeWords(splitWords(speech.spoken).map((w) => w.text), 0, floorMs(durationSec), context.voice.language);
  const words = writtenTimings(speech, spoken, context.voice.language);
  const clip: Clip = { samples, sampleRate: TRACK_SAMPLE_RATE, words, timingSource: 'phrases' };
  await context.cache.put(key, clip);
  return clip;
}

/** Caption-sized phrases synthesised separately, measured, and joined with punctuation pauses. */
async function phrasedSceneClip(context: SceneClipContext, text: string, sceneId: string): Promise<Clip> {
  const spoken = spokenPhrases(text, context.voice.language);
  const phrases = spoken.map((p) => p.phrase);
  const clips = await Promise.all(spoken.map((phrase) => phraseClip(context, phrase, sceneId)));
  const gapScale = 1 / Math.max(0.5, context.voice.speed);
  const total = clips.reduce((sum, clip, i) => sum + clip.samples.length + (i < clips.length - 1 ? gapSamples(phrases[i]!, gapScale) : 0), 0);
  const samples = new Float32Array(total);
  const words = [];
  let cursor = 0;
  for (const [i, clip] of clips.entries()) {
    samples.set(clip.samples, cursor);
    const offset = cursor / TRACK_SAMPLE_RATE;
    words.push(...clip.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })));
    cursor += clip.samples.length + (i < clips.length - 1 ? gapSamples(phrases[i]!, gapScale) : 0);
  }
  return { samples, sampleRate: TRACK_SAMPLE_RATE, words: tidyWordTimings(words, floorMs(total / TRACK_SAMPLE_RATE)), timingSource: 'phrases' };
}

function gapSamples(phrase: Phrase, scale: number): number {
  return Math.round(PHRASE_GAP_SEC[phrase.ending] * scale * TRACK_SAMPLE_RATE);
}

function floorMs(seconds: number): number {
  return Math.floor(seconds * 1000) / 1000;
}

/** One scene's trimmed narration with word times, from the cache when text, voice and settings are unchanged. */
export async function sceneClip(context: SceneClipContext, scene: { id: string; text: string }): Promise<SceneClip> {
  const text = scene.text.replace(/\s+/g, ' ').trim();
  const mode = context.voice.provider.givesAlignment ? 'aligned-scene' : 'phrased-scene';
  // Numbers, dates and abbreviations are written out for the voice; captions keep the written words.
  const speech = toSpeech(text, context.voice.language);
  const key = keyOf(context.voice, `${mode}:${JSON.stringify(PHRASE_GAP_SEC)}`, `${text}\n${speech.spoken}`);
  const cached = await context.cache.get(key);
  if (cached) return { clip: cached, key, reused: true };
  const clip = mode === 'aligned-scene' ? await alignedSceneClip(context, speech, scene.id) : await phrasedSceneClip(context, text, scene.id);
  await context.cache.put(key, clip);
  return { clip, key, reused: false };
}
