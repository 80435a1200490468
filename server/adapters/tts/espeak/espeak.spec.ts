import { afterAll, describe, expect, it } from 'vitest';
import { decodeToPcm } from '../../ffmpeg/audio.ts';
import { TtsCancelledError, TtsRequestError } from '../errors.ts';
import { EspeakProvider } from './provider.ts';
import { espeakPitch, espeakRate, isValidEspeakVoice } from './voices.ts';

async function seconds(result: { audio: Buffer; format: 'wav' | string }): Promise<number> {
  const samples = await decodeToPcm({ data: result.audio, format: 'wav' });
  return samples.length / 48_000;
}

/** Median fundamental frequency of voiced 40 ms frames, by autocorrelation (60-400 Hz). */
async function medianPitchHz(audio: Buffer): Promise<number> {
  const rate = 16_000;
  const samples = await decodeToPcm({ data: audio, format: 'wav' }, { sampleRate: rate });
  const frame = 0.04 * rate;
  const pitches: number[] = [];
  for (let from = 0; from + frame * 2 < samples.length; from += frame) {
    let energy = 0;
    for (let i = 0; i < frame; i++) energy += samples[from + i]! ** 2;
    if (energy / frame < 1e-4) continue;
    let bestLag = 0;
    let best = 0;
    for (let lag = Math.floor(rate / 400); lag <= Math.ceil(rate / 60); lag++) {
      let sum = 0;
      for (let i = 0; i < frame; i++) sum += samples[from + i]! * samples[from + i + lag]!;
      if (sum > best) [best, bestLag] = [sum, lag];
    }
    if (bestLag > 0 && best / energy > 0.5) pitches.push(rate / bestLag);
  }
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)] ?? 0;
}

describe('espeak-ng provider', () => {
  const binary = new EspeakProvider({ engine: 'binary' });
  const wasm = new EspeakProvider({ engine: 'wasm' });
  afterAll(async () => {
    await wasm.close();
  });

  it('offers several English and Russian voices', async () => {
    const english = await binary.listVoices('en');
    const russian = await binary.listVoices('ru');
    expect(english.length).toBeGreaterThanOrEqual(4);
    expect(russian.length).toBeGreaterThanOrEqual(4);
    expect(new Set(russian.map((v) => v.gender))).toEqual(new Set(['male', 'female']));
    expect([...english, ...russian].every((v) => v.provider === 'espeak' && isValidEspeakVoice(v.id))).toBe(true);
  });

  it('uses the system binary when present, and says which engine it uses in its fingerprint', () => {
    expect(new EspeakProvider().engine).toBe('binary');
    expect(binary.fingerprint).toBe('espeak-ng:binary');
    expect(wasm.engine).toBe('wasm');
    expect(wasm.fingerprint).toBe('espeak-ng:wasm');
  });

  it('synthesises English and Russian speech with the binary; speed shortens it', async () => {
    const english = await binary.synthesize({ text: 'This is a short test of the voice.', voiceId: 'en-gb+f2', language: 'en', speed: 1 });
    const russian = await binary.synthesize({ text: 'Это короткая проверка голоса.', voiceId: 'ru+m3', language: 'ru', speed: 1 });
    const fast = await binary.synthesize({ text: 'This is a short test of the voice.', voiceId: 'en-gb+f2', language: 'en', speed: 1.6 });
    expect(english.format).toBe('wav');
    const normal = await seconds(english);
    expect(normal).toBeGreaterThan(1.2);
    expect(await seconds(russian)).toBeGreaterThan(1.2);
    expect(await seconds(fast)).toBeLessThan(normal * 0.8);
  });

  it('raises the pitch when asked', async () => {
    const request = { text: 'Pitch changes the voice.', voiceId: 'en-us', language: 'en', speed: 1 };
    const low = await binary.synthesize({ ...request, pitch: 0.6 });
    const high = await binary.synthesize({ ...request, pitch: 1.5 });
    const lowHz = await medianPitchHz(low.audio);
    expect(lowHz).toBeGreaterThan(60);
    expect(await medianPitchHz(high.audio)).toBeGreaterThan(lowHz * 1.15);
  });

  it('works without the binary through the npm WASM build, in English and Russian', async () => {
    const english = await wasm.synthesize({ text: 'The web assembly build speaks too.', voiceId: 'en-us+f3', language: 'en', speed: 1 });
    const russian = await wasm.synthesize({ text: 'Сборка на веб-ассемблере тоже говорит.', voiceId: 'ru', language: 'ru', speed: 1 });
    expect(await seconds(english)).toBeGreaterThan(1.2);
    expect(await seconds(russian)).toBeGreaterThan(1.2);
  });

  it('finds no binary when ESPEAK_NG_PATH points nowhere, so auto falls back to WASM', async () => {
    const previous = process.env.ESPEAK_NG_PATH;
    process.env.ESPEAK_NG_PATH = '/nonexistent/espeak-ng';
    try {
      const fallback = new EspeakProvider();
      expect(fallback.engine).toBe('wasm');
      const result = await fallback.synthesize({ text: 'Fallback.', voiceId: 'en-us', language: 'en', speed: 1 });
      expect(await seconds(result)).toBeGreaterThan(0.3);
      await fallback.close();
      expect(() => new EspeakProvider({ engine: 'binary' })).toThrow(/not found/);
    } finally {
      if (previous === undefined) delete process.env.ESPEAK_NG_PATH;
      else process.env.ESPEAK_NG_PATH = previous;
    }
  });

  it('refuses unknown voices, option-like voice names and empty text', async () => {
    for (const provider of [binary, wasm]) {
      await expect(provider.synthesize({ text: 'Hi.', voiceId: 'xx-nope', language: 'en', speed: 1 })).rejects.toThrow(TtsRequestError);
    }
    await expect(binary.synthesize({ text: 'Hi.', voiceId: '--stdout', language: 'en', speed: 1 })).rejects.toThrow(/not an espeak-ng voice/);
    await expect(binary.synthesize({ text: '   ', voiceId: 'en-us', language: 'en', speed: 1 })).rejects.toThrow(/empty/);
  });

  it('reads text starting with a dash as text, not as an option', async () => {
    const result = await binary.synthesize({ text: '-v xx --help', voiceId: 'en-us', language: 'en', speed: 1 });
    expect(await seconds(result)).toBeGreaterThan(0.5);
  });

  it('cancels a running synthesis in both engines and keeps working afterwards', async () => {
    for (const provider of [binary, wasm]) {
      const controller = new AbortController();
      const running = provider.synthesize({ text: 'A long text to read. '.repeat(200), voiceId: 'en-us', language: 'en', speed: 1, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(running).rejects.toThrow(TtsCancelledError);
      const after = await provider.synthesize({ text: 'Still here.', voiceId: 'en-us', language: 'en', speed: 1 });
      expect(await seconds(after)).toBeGreaterThan(0.3);
    }
  });

  it('maps speed and pitch multipliers to espeak-ng units within its limits', () => {
    expect(espeakRate(1)).toBe(175);
    expect(espeakRate(10)).toBe(450);
    expect(espeakRate(0.1)).toBe(80);
    expect(espeakPitch()).toBe(50);
    expect(espeakPitch(1.5)).toBe(75);
    expect(espeakPitch(3)).toBe(99);
  });
});
