import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToPcm } from '../ffmpeg/audio.ts';
import { ElevenLabsProvider } from './elevenlabs.ts';
import { TtsAuthError, TtsRateLimitError, TtsRequestError, TtsServerError } from './errors.ts';
import { startFakeElevenLabs } from './testing/fake-elevenlabs.ts';
import { localFetch } from '../http/testing/local-fetch.ts';

describe('ElevenLabs provider against a fake speaking its wire format', () => {
  let fake: Awaited<ReturnType<typeof startFakeElevenLabs>>;
  const provider = () => new ElevenLabsProvider({ apiKey: 'test-key', baseUrl: fake.url, fetch: localFetch(fake.url), maxRetries: 0 });

  beforeAll(async () => {
    fake = await startFakeElevenLabs({ apiKey: 'test-key', leadSec: 0.25 });
  });
  afterAll(async () => fake.close());

  it('lists voices with language and gender, filtered by language', async () => {
    const all = await provider().listVoices();
    expect(all.map((v) => v.id)).toEqual(['21m00Tcm4TlvDq8ikWAM', 'pNInz6obpgDQGcFmaJgB', 'ru0voice0dmitry']);
    expect(all[0]).toEqual({ id: '21m00Tcm4TlvDq8ikWAM', name: 'Rachel', language: 'en', gender: 'female', provider: 'elevenlabs' });
    expect(all[1]?.language).toBe('multi');
    const russian = await provider().listVoices('ru');
    expect(russian.map((v) => v.name)).toEqual(['Adam', 'Dmitry']);
    expect(fake.requests.at(-1)?.headers['xi-api-key']).toBe('test-key');
  });

  it('synthesises with timestamps: model, speed, output format, decodable audio and character alignment', async () => {
    const text = 'Short videos win.';
    const result = await new ElevenLabsProvider({ apiKey: 'test-key', baseUrl: fake.url, fetch: localFetch(fake.url), modelId: 'eleven_turbo_v2_5' }).synthesize({
      text,
      voiceId: '21m00Tcm4TlvDq8ikWAM',
      language: 'en',
      speed: 1.5,
    });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/with-timestamps');
    expect(request.query.get('output_format')).toBe('mp3_44100_128');
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body).toMatchObject({ text, model_id: 'eleven_turbo_v2_5', language_code: 'en', voice_settings: { speed: 1.2 } });

    expect(result.format).toBe('mp3');
    const samples = await decodeToPcm({ data: result.audio, format: result.format });
    expect(samples.length / 48_000).toBeGreaterThan(0.8);
    expect(result.alignment?.unit).toBe('character');
    expect(result.alignment?.items.map((i) => i.text).join('')).toBe(text);
    expect(result.alignment?.items[0]?.start).toBeCloseTo(fake.alignments.at(-1)!.starts[0]!, 3);
  });

  it('does not send language_code to models that refuse it', async () => {
    await provider().synthesize({ text: 'Привет.', voiceId: 'ru0voice0dmitry', language: 'ru', speed: 1 });
    const body = JSON.parse(fake.requests.at(-1)!.body) as Record<string, unknown>;
    expect(body.model_id).toBe('eleven_multilingual_v2');
    expect(body).not.toHaveProperty('language_code');
  });

  it('uses the plain endpoint and returns MP3 bytes when timestamps are off', async () => {
    const plain = new ElevenLabsProvider({ apiKey: 'test-key', baseUrl: fake.url, fetch: localFetch(fake.url), withTimestamps: false });
    const result = await plain.synthesize({ text: 'Plain audio.', voiceId: 'pNInz6obpgDQGcFmaJgB', language: 'en', speed: 1 });
    expect(fake.requests.at(-1)?.path).toBe('/v1/text-to-speech/pNInz6obpgDQGcFmaJgB');
    expect(result.alignment).toBeUndefined();
    expect(plain.givesAlignment).toBe(false);
    expect(result.audio.subarray(0, 3).toString('latin1') === 'ID3' || result.audio[0] === 0xff).toBe(true);
  });

  it('maps 401, 404, 429 and 5xx to typed errors naming the status, never the provider message', async () => {
    const wrongKey = new ElevenLabsProvider({ apiKey: 'wrong', baseUrl: fake.url, fetch: localFetch(fake.url), maxRetries: 0 });
    await expect(wrongKey.listVoices()).rejects.toThrow(TtsAuthError);
    await expect(wrongKey.listVoices()).rejects.toThrow(/^elevenlabs rejected the API key \(HTTP 401\): check the key in the provider settings$/);

    const unknownVoice = provider().synthesize({ text: 'Hi.', voiceId: 'nope', language: 'en', speed: 1 });
    await expect(unknownVoice).rejects.toThrow(TtsRequestError);

    fake.failNext(429, { detail: { status: 'too_many_concurrent_requests', message: 'Too many requests' } }, { 'retry-after': '7' });
    const limited = await provider().listVoices().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(TtsRateLimitError);
    expect((limited as TtsRateLimitError).retryAfterSec).toBe(7);
    expect((limited as TtsRateLimitError).retryable).toBe(true);

    expect((limited as Error).message).not.toContain('Too many requests');

    fake.failNext(503, { detail: 'Service Unavailable' });
    await expect(provider().listVoices()).rejects.toThrow(TtsServerError);
    fake.failNext(503, { detail: 'Service Unavailable' });
    await expect(provider().listVoices()).rejects.toThrow(/^elevenlabs failed \(HTTP 503\); try again later$/);
  });

  it('retries a 5xx and a 429 with back-off, then succeeds', async () => {
    fake.failNext(500, { detail: 'boom' });
    fake.failNext(429, { detail: { message: 'slow down' } }, { 'retry-after': '0' });
    const before = fake.requests.length;
    const retrying = new ElevenLabsProvider({ apiKey: 'test-key', baseUrl: fake.url, fetch: localFetch(fake.url), maxRetries: 2, retryDelayMs: 10 });
    const voices = await retrying.listVoices();
    expect(voices).toHaveLength(3);
    expect(fake.requests.length - before).toBe(3);
  });
});
