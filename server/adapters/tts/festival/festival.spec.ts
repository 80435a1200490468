import { describe, expect, it } from 'vitest';
import { decodeToPcm } from '../../ffmpeg/audio.ts';
import { defaultOfflineVoice } from '../default-voice.ts';
import { TtsRequestError } from '../errors.ts';
import { FestivalProvider } from './provider.ts';
import { parseWordTimings, schemeString, synthesisScript } from './scheme.ts';

const provider = new FestivalProvider();

describe('festival voices', () => {
  it('lists the installed US English and Russian voices and makes them the default offline voices', async () => {
    expect((await provider.listVoices('en')).map((v) => v.id)).toEqual(['cmu_us_slt_arctic_hts']);
    expect((await provider.listVoices('ru')).map((v) => v.id)).toEqual(['msu_ru_nsh_clunits']);
    expect(defaultOfflineVoice('en')).toEqual({ provider: 'festival', voiceId: 'cmu_us_slt_arctic_hts' });
    expect(defaultOfflineVoice('ru')).toEqual({ provider: 'festival', voiceId: 'msu_ru_nsh_clunits' });
    // Without festival on the PATH espeak-ng stays the fallback.
    expect(defaultOfflineVoice('ru', { PATH: '/nonexistent' })).toEqual({ provider: 'espeak', voiceId: 'ru' });
    expect(new FestivalProvider({ env: { PATH: '/nonexistent' } }).available).toBe(false);
  });

  for (const [language, voiceId, text] of [
    ['en', 'cmu_us_slt_arctic_hts', 'The council met on Tuesday and approved the plan.'],
    ['ru', 'msu_ru_nsh_clunits', 'Совет собрался во вторник — и «одобрил» план…'],
  ] as const) {
    it(`${language}: speaks with a start and end for every word, inside the audio`, async () => {
      const result = await provider.synthesize({ text, voiceId, language, speed: 1 });
      const words = result.alignment!.items;
      expect(result.alignment!.unit).toBe('word');
      expect(words.map((w) => w.text.toLowerCase())).toEqual(text.toLowerCase().match(/[\p{L}]+/gu));
      const samples = await decodeToPcm({ data: result.audio, format: 'wav' }, { sampleRate: 16_000 });
      const durationSec = samples.length / 16_000;
      words.forEach((word, i) => {
        expect(word.end).toBeGreaterThan(word.start);
        if (i > 0) expect(word.start).toBeGreaterThanOrEqual(words[i - 1]!.start);
      });
      expect(words.at(-1)!.end).toBeLessThanOrEqual(durationSec + 0.01);
      // Each word is sound, not silence.
      for (const word of words) {
        const part = samples.subarray(Math.floor(word.start * 16_000), Math.ceil(word.end * 16_000));
        const rms = Math.sqrt(part.reduce((s, v) => s + v * v, 0) / part.length);
        expect(rms).toBeGreaterThan(0.01);
      }
    }, 60_000);
  }

  it('plays faster at a higher speed and scales the word times with it', async () => {
    const text = 'Faster speech keeps its captions in step.';
    const normal = await provider.synthesize({ text, voiceId: 'cmu_us_slt_arctic_hts', language: 'en', speed: 1 });
    const fast = await provider.synthesize({ text, voiceId: 'cmu_us_slt_arctic_hts', language: 'en', speed: 1.5 });
    const lastEnd = (r: typeof normal) => r.alignment!.items.at(-1)!.end;
    expect(lastEnd(fast)).toBeCloseTo(lastEnd(normal) / 1.5, 3);
    expect(fast.audio.length).toBeLessThan(normal.audio.length * 0.8);
  }, 60_000);

  it('passes quotes and backslashes as text, and refuses unknown voices and empty text', async () => {
    expect(schemeString('say "hi" \\ (quit)')).toBe('"say \\"hi\\" \\\\ (quit)"');
    expect(synthesisScript('voice_x', 'a")(system "rm', '/tmp/o.wav')).toContain('"a\\")(system \\"rm"');
    expect(parseWordTimings('noise\nRFW\thello\t0.1\t0.4\nRFW\tbad\tx\t1\n')).toEqual([{ text: 'hello', start: 0.1, end: 0.4 }]);
    const quoted = await provider.synthesize({ text: 'She said "yes" to that.', voiceId: 'cmu_us_slt_arctic_hts', language: 'en', speed: 1 });
    expect(quoted.alignment!.items.map((w) => w.text)).toEqual(['She', 'said', 'yes', 'to', 'that']);
    await expect(provider.synthesize({ text: 'x', voiceId: 'voice_kal_diphone', language: 'en', speed: 1 })).rejects.toBeInstanceOf(TtsRequestError);
    await expect(provider.synthesize({ text: '  ', voiceId: 'cmu_us_slt_arctic_hts', language: 'en', speed: 1 })).rejects.toBeInstanceOf(TtsRequestError);
  }, 60_000);
});
