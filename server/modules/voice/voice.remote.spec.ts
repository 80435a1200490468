import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../contracts/steps.ts';
import type { Stage4Audio, VoiceCatalog } from '../../../contracts/voice-api.ts';
import { startFakeElevenLabs } from '../../adapters/tts/testing/fake-elevenlabs.ts';
import { startFakeOpenAiSpeech } from '../../adapters/tts/testing/fake-openai-speech.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { RUSSIAN_SCENES } from './testing/scripts.ts';
import { voiceApi } from './testing/voice-api.ts';

describe.each(DATABASE_KINDS)('remote voices in stage 4 (local fakes of their wire formats, %s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof voiceApi>;
  let elevenLabs: Awaited<ReturnType<typeof startFakeElevenLabs>>;
  let openAi: Awaited<ReturnType<typeof startFakeOpenAiSpeech>>;

  beforeAll(async () => {
    elevenLabs = await startFakeElevenLabs({ apiKey: 'el-key' });
    openAi = await startFakeOpenAiSpeech({ voiceList: 'objects' });
    // The operator configured an OpenAI-compatible server (e.g. Kokoro) for everyone.
    // The user's ElevenLabs URL is theirs: it goes through the address check, so the local fake is allow-listed.
    t = await createTestApp(kind, {
      jobs: { mode: 'worker' },
      env: { OPENAI_TTS_BASE_URL: `${openAi.url}/v1`, OPENAI_TTS_MODEL: 'kokoro', FETCH_ALLOW_PRIVATE_HOSTS: new URL(elevenLabs.url).host },
    });
    api = voiceApi(t.app, (await signUp(t.app)).cookie);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([elevenLabs.close(), openAi.close()]);
  });

  const saveKey = (apiKey: string) => api.call('PUT', '/api/providers/elevenlabs', { apiKey, settings: { baseUrl: elevenLabs.url } });

  it("lists a user's ElevenLabs voices and the operator's OpenAI-compatible ones next to the embedded voices", async () => {
    expect((await saveKey('el-key')).status).toBe(200);
    const catalog = (await api.call('GET', '/api/voices?language=ru')).body as unknown as VoiceCatalog;
    expect(catalog.providers.map((p) => [p.id, p.available, p.source, p.error])).toEqual([
      ['festival', true, 'embedded', null],
      ['espeak', true, 'embedded', null],
      ['local', false, null, null],
      ['elevenlabs', true, 'user', null],
      ['openai', true, 'server', null],
    ]);
    expect(catalog.providers.find((p) => p.id === 'elevenlabs')!.givesAlignment).toBe(true);
    const elevenVoices = catalog.voices.filter((v) => v.provider === 'elevenlabs').map((v) => v.id);
    expect(elevenVoices).toEqual(['pNInz6obpgDQGcFmaJgB', 'ru0voice0dmitry']);
    // Kokoro's voices are named by language (af_bella: American English); none of them speaks Russian.
    expect(catalog.voices.some((v) => v.provider === 'openai')).toBe(false);
    const english = (await api.call('GET', '/api/voices?language=en')).body as unknown as VoiceCatalog;
    expect(english.voices.filter((v) => v.provider === 'openai').map((v) => v.id)).toEqual(['af_bella', 'am_adam', 'bf_emma']);
  });

  it('narrates with ElevenLabs, word times from its character alignment', async () => {
    await saveKey('el-key');
    const projectId = await api.projectWithScript('ru', RUSSIAN_SCENES, { provider: 'elevenlabs', voiceId: 'ru0voice0dmitry' });
    const job = await api.narrate(projectId);
    expect(job.state, job.error ?? '').toBe('succeeded');
    const audio = (await api.step(projectId, 4))!.data.audio as Stage4Audio;
    expectUsableTimings(audio, RUSSIAN_SCENES);
    expect(Object.values(audio.timingSource!)).toEqual(['alignment', 'alignment', 'alignment']);
    expect(audio.voice).toEqual({ provider: 'elevenlabs', voiceId: 'ru0voice0dmitry' });
  });

  it('narrates with the OpenAI-compatible server the operator configured', async () => {
    const projectId = await api.projectWithScript('ru', RUSSIAN_SCENES.slice(0, 1), { provider: 'openai', voiceId: 'ru_RU-irina-medium' });
    const job = await api.narrate(projectId);
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(openAi.requests.some((r) => r.path === '/v1/audio/speech' && JSON.parse(r.body).model === 'kokoro')).toBe(true);
  });

  it('says clearly when the key is refused or the provider is rate limiting', async () => {
    await saveKey('wrong-key');
    const catalog = (await api.call('GET', '/api/voices?language=en')).body as unknown as VoiceCatalog;
    expect(catalog.providers.find((p) => p.id === 'elevenlabs')!.error).toContain('rejected the API key');
    expect(catalog.voices.filter((v) => v.provider === 'elevenlabs')).toEqual([]);

    const projectId = await api.projectWithScript('en', [{ id: 'a', text: 'Hello there.' }], { provider: 'elevenlabs', voiceId: 'pNInz6obpgDQGcFmaJgB' });
    const job = await api.narrate(projectId);
    expect(job.state).toBe('failed');
    expect(job.error).toBe('ElevenLabs refused the API key (HTTP 401): check the key in the provider settings');
    expect(job.attempts).toBe(1);
    expect(((await api.step(projectId, 4)) as Step).data.audio).toBeUndefined();

    await saveKey('el-key');
    for (let i = 0; i < 3; i++) elevenLabs.failNext(429, { detail: { status: 'too_many_concurrent_requests', message: 'Too many requests' } }, { 'retry-after': '0' });
    const limited = await api.call('POST', '/api/voices/preview', { provider: 'elevenlabs', voiceId: 'pNInz6obpgDQGcFmaJgB', language: 'en' });
    expect(limited.status).toBe(429);
    expect((limited.body.error as { code: string; message: string }).message).toBe('ElevenLabs is rate limiting requests or the quota is used up; try again later');
  });
});
