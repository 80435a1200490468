import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../contracts/formats.ts';
import { decodeToPcm, encodeWav, TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { EspeakProvider } from '../../adapters/tts/espeak/provider.ts';
import type { SynthesisRequest, SynthesisResult, TtsProvider } from '../../adapters/tts/types.ts';
import { narrate } from './narrate.ts';
import { trimSilence } from './pcm.ts';
import { toSpeech } from './speech-normaliser/index.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { splitWords } from './words.ts';

/**
 * Real espeak-ng speech with real word times: each spoken word is synthesised by espeak-ng and the
 * clips are joined, so the alignment is what the audio holds. It records what it was asked to say.
 */
class WordTimedEspeak implements TtsProvider {
  readonly id = 'espeak' as const;
  readonly fingerprint = 'word-timed-espeak-test';
  readonly givesAlignment = true;
  readonly maxConcurrency = 2;
  readonly requests: string[] = [];
  private readonly espeak = new EspeakProvider({ engine: 'binary' });

  listVoices() {
    return this.espeak.listVoices();
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    this.requests.push(request.text);
    const items: Array<{ text: string; start: number; end: number }> = [];
    const clips: Float32Array[] = [];
    let cursor = 0;
    for (const word of splitWords(request.text)) {
      const result = await this.espeak.synthesize({ ...request, text: word.text });
      const samples = await decodeToPcm({ data: result.audio, format: result.format, sampleRate: result.sampleRate });
      const trimmed = trimSilence(samples, TRACK_SAMPLE_RATE)?.samples ?? samples;
      const gap = new Float32Array(Math.round(0.05 * TRACK_SAMPLE_RATE));
      items.push({ text: word.text, start: cursor / TRACK_SAMPLE_RATE, end: (cursor + trimmed.length) / TRACK_SAMPLE_RATE });
      clips.push(trimmed, gap);
      cursor += trimmed.length + gap.length;
    }
    const all = new Float32Array(cursor);
    let offset = 0;
    for (const clip of clips) {
      all.set(clip, offset);
      offset += clip.length;
    }
    return { audio: encodeWav(all, TRACK_SAMPLE_RATE), format: 'wav', alignment: { unit: 'word', items } };
  }
}

describe('captions keep the written words while the voice says them in full', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rf-spoken-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  const SCENES: Record<Language, Array<{ id: string; text: string }>> = {
    en: [
      { id: 'one', text: 'In 2019, 9/11 families met at the memorial.' },
      { id: 'two', text: 'The U.S. paid $5 million — 12% more than in 2001.' },
    ],
    ru: [{ id: 'one', text: 'В 2019 году 21 человек получил по 5 000 руб., т.е. 3% бюджета.' }],
  };
  const VOICES: Record<Language, string> = { en: 'en-us', ru: 'ru' };

  for (const language of ['en', 'ru'] as const) {
    it(`${language}: word-aligned speech folds back onto the written words, ordered and covering the audio`, async () => {
      const provider = new WordTimedEspeak();
      const scenes = SCENES[language];
      const result = await narrate({ scenes, language, provider, voiceId: VOICES[language], cacheDir: join(root, `a-${language}`), workDir: join(root, `wa-${language}`) });

      expect(provider.requests).toEqual(scenes.map((s) => toSpeech(s.text, language).spoken));
      if (language === 'en') expect(provider.requests[0]).toBe('In twenty nineteen, nine eleven families met at the memorial.');
      else expect(provider.requests[0]).toBe('В две тысячи девятнадцатом году двадцать один человек получил по пять тысяч рублей, то есть три процента бюджета.');
      expectUsableTimings(result, scenes);
      expect(Object.values(result.timingSource).every((source) => source === 'alignment')).toBe(true);

      for (const [i, segment] of result.segments.entries()) {
        const words = segment.words ?? [];
        const speech = toSpeech(scenes[i]!.text, language);
        // A number said as several words ("2019" → "twenty nineteen") lasts longer than a short word beside it.
        const long = speech.spans.findIndex((span) => span.to - span.from >= 2 && /\d/.test(span.word));
        expect(long).toBeGreaterThanOrEqual(0);
        const short = speech.spans.findIndex((span) => /^(?:the|at|по|в)$/i.test(span.word));
        expect(short).toBeGreaterThanOrEqual(0);
        expect(words[long]!.end - words[long]!.start).toBeGreaterThan(words[short]!.end - words[short]!.start);
        // The words cover the scene's speech: first starts near the scene start, last ends near its end.
        expect(words[0]!.start - segment.start).toBeLessThan(0.3);
        expect(segment.end - words.at(-1)!.end).toBeLessThan(0.3);
      }
    });

    it(`${language}: phrase-by-phrase espeak-ng narration sends spoken text and times the written words`, async () => {
      const scenes = SCENES[language];
      const result = await narrate({ scenes, language, provider: new EspeakProvider({ engine: 'binary' }), voiceId: VOICES[language], cacheDir: join(root, `p-${language}`), workDir: join(root, `wp-${language}`) });
      expectUsableTimings(result, scenes);
      const last = result.segments.at(-1)!;
      expect(last.end - (last.words ?? []).at(-1)!.end).toBeLessThan(0.3);
    });
  }
});
