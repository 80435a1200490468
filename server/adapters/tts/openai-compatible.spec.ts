import { afterEach, describe, expect, it } from 'vitest';
import { decodeToPcm } from '../ffmpeg/audio.ts';
import { TtsAuthError, TtsError, TtsRateLimitError, TtsRequestError, TtsServerError } from './errors.ts';
import { describeVoiceId, OpenAiCompatibleProvider } from './openai-compatible.ts';
import { startFakeOpenAiSpeech } from './testing/fake-openai-speech.ts';
import { localFetch } from '../http/testing/local-fetch.ts';

type Fake = Awaited<ReturnType<typeof startFakeOpenAiSpeech>>;

describe('OpenAI-compatible speech provider against a fake speaking its wire format', () => {
  let fake: Fake | null = null;
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });

  it('posts model, input, voice, speed and response_format with a Bearer key and returns decodable audio', async () => {
    fake = await startFakeOpenAiSpeech({ apiKey: 'sk-test' });
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1/`, fetch: localFetch(fake.url), apiKey: 'sk-test', model: 'tts-1-hd', responseFormat: 'mp3', maxRetries: 0 });
    const result = await provider.synthesize({ text: '  Hello there, friend.  ', voiceId: 'nova', language: 'en', speed: 9 });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/v1/audio/speech');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.parse(request.body)).toEqual({ model: 'tts-1-hd', input: 'Hello there, friend.', voice: 'nova', speed: 4, response_format: 'mp3' });
    expect(result.format).toBe('mp3');
    const samples = await decodeToPcm({ data: result.audio, format: result.format });
    expect(samples.length / 48_000).toBeGreaterThan(0.8);
  });

  it('works without a key (self-hosted) in WAV and Opus', async () => {
    fake = await startFakeOpenAiSpeech();
    for (const responseFormat of ['wav', 'opus'] as const) {
      const provider = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url), model: 'kokoro', responseFormat });
      const result = await provider.synthesize({ text: 'Привет, как дела?', voiceId: 'af_bella', language: 'ru', speed: 1 });
      expect(fake.requests.at(-1)?.headers.authorization).toBeUndefined();
      const samples = await decodeToPcm({ data: result.audio, format: result.format });
      expect(samples.length / 48_000).toBeGreaterThan(0.8);
    }
  });

  it("reads Kokoro-FastAPI's voice list in both shapes and infers language and gender", async () => {
    for (const voiceList of ['objects', 'strings'] as const) {
      fake = await startFakeOpenAiSpeech({ voiceList });
      const provider = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url), model: 'kokoro' });
      const voices = await provider.listVoices();
      expect(voices.map((v) => v.id)).toEqual(['af_bella', 'am_adam', 'bf_emma', 'ff_siwis']);
      expect(voices[0]).toEqual({ id: 'af_bella', name: 'af_bella', language: 'en', gender: 'female', provider: 'openai' });
      expect((await provider.listVoices('fr')).map((v) => v.id)).toEqual(['ff_siwis']);
      await fake.close();
      fake = null;
    }
  });

  it('falls back to the configured voices, or to OpenAI’s own, when the server has no voice list', async () => {
    fake = await startFakeOpenAiSpeech({ voiceList: 'none' });
    const configured = new OpenAiCompatibleProvider({
      baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url),
      voices: [{ id: 'ru_RU-irina-medium', name: 'Irina', language: 'ru', gender: 'female' }],
    });
    expect(await configured.listVoices('ru')).toEqual([{ id: 'ru_RU-irina-medium', name: 'Irina', language: 'ru', gender: 'female', provider: 'openai' }]);
    const openAi = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url) });
    const voices = await openAi.listVoices('ru');
    expect(voices.map((v) => v.id)).toContain('alloy');
    expect(voices.every((v) => v.language === 'multi')).toBe(true);
  });

  it('maps errors: 401 auth, 400 request, 429 rate limit with Retry-After, 503 server, JSON instead of audio', async () => {
    fake = await startFakeOpenAiSpeech({ apiKey: 'sk-test' });
    const request = { text: 'Hi.', voiceId: 'alloy', language: 'en', speed: 1 };
    const wrongKey = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url), apiKey: 'sk-wrong', maxRetries: 0 });
    await expect(wrongKey.synthesize(request)).rejects.toThrow(TtsAuthError);
    await expect(wrongKey.listVoices()).rejects.toThrow(/^openai rejected the API key \(HTTP 401\)/);

    const provider = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url), apiKey: 'sk-test', responseFormat: 'flac', maxRetries: 0 });
    await expect(provider.synthesize(request)).rejects.toThrow(TtsRequestError);

    const ok = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url), apiKey: 'sk-test', maxRetries: 0 });
    fake.failNext(429, { error: { message: 'Rate limit reached for tts-1', type: 'requests' } }, { 'retry-after': '3' });
    const limited = await ok.synthesize(request).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(TtsRateLimitError);
    expect((limited as TtsRateLimitError).retryAfterSec).toBe(3);
    expect((limited as Error).message).toBe('openai is rate limiting requests (HTTP 429); try again later');

    fake.failNext(503, { error: { message: 'overloaded' } });
    await expect(ok.synthesize(request)).rejects.toThrow(TtsServerError);

    fake.failNext(200, { error: { message: 'queued' } });
    const notAudio = await ok.synthesize(request).catch((e: unknown) => e);
    expect(notAudio).toBeInstanceOf(TtsError);
    expect((notAudio as TtsError).kind).toBe('bad-response');
    expect((notAudio as TtsError).message).toBe('openai answered with application/json instead of audio');
  });

  it('reports an unreachable server as a retryable network error and honours cancellation', async () => {
    const down = new OpenAiCompatibleProvider({ baseUrl: 'http://127.0.0.1:9/v1', fetch: localFetch('http://127.0.0.1:9'), maxRetries: 0, timeoutMs: 2000 });
    const failure = await down.synthesize({ text: 'Hi.', voiceId: 'alloy', language: 'en', speed: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TtsError);
    expect((failure as TtsError).kind).toBe('network');
    expect((failure as TtsError).retryable).toBe(true);

    fake = await startFakeOpenAiSpeech();
    const controller = new AbortController();
    controller.abort();
    const provider = new OpenAiCompatibleProvider({ baseUrl: `${fake.url}/v1`, fetch: localFetch(fake.url) });
    const cancelled = await provider.synthesize({ text: 'Hi.', voiceId: 'alloy', language: 'en', speed: 1, signal: controller.signal }).catch((e: unknown) => e);
    expect((cancelled as TtsError).kind).toBe('cancelled');
  });

  it('infers language and gender from Kokoro and Piper voice names', () => {
    expect(describeVoiceId('bm_george')).toEqual({ language: 'en', gender: 'male' });
    expect(describeVoiceId('ru_RU-irina-medium')).toEqual({ language: 'ru' });
    expect(describeVoiceId('alloy')).toEqual({ language: 'multi' });
  });
});
