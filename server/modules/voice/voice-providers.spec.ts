import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFetch } from '../../adapters/http/testing/local-fetch.ts';
import { startFakeServer } from '../../adapters/tts/testing/fake-server.ts';
import { loadConfig } from '../../config.ts';
import type { ResolvedProvider } from '../credentials/credentials.service.ts';
import { VoiceProviders } from './voice-providers.ts';

describe('VoiceProviders', () => {
  let silent: Awaited<ReturnType<typeof startFakeServer>>;
  const held: ServerResponse[] = [];
  beforeAll(async () => {
    // Accepts the request and does not answer (until the tests end), like a firewalled host.
    silent = await startFakeServer((_request, response) => void held.push(response));
  });
  afterAll(async () => {
    for (const response of held) response.end();
    await silent.close();
  });

  const config = loadConfig({ DATA_DIR: '/tmp/rf-voice-providers', SESSION_SECRET: 'x'.repeat(32) });
  const credentials = (byProvider: Record<string, ResolvedProvider>) => ({ resolve: async (_user: string, provider: string) => byProvider[provider] ?? null });

  it('reports a provider that does not list its voices in time instead of keeping the picker waiting', async () => {
    const providers = new VoiceProviders(config, credentials({ elevenlabs: { apiKey: 'k', settings: { baseUrl: silent.url }, source: 'user', fetch: localFetch(silent.url) } }), { voiceListWaitMs: 200 });
    const catalog = await providers.catalog('u1', 'en');
    const eleven = catalog.providers.find((p) => p.id === 'elevenlabs')!;
    expect(eleven).toMatchObject({ available: true, source: 'user' });
    expect(eleven.error).toBe('ElevenLabs did not list its voices within 0.2 s');
    expect(catalog.voices.every((v) => v.provider === 'espeak' || v.provider === 'festival')).toBe(true);
    expect(catalog.voices.length).toBeGreaterThan(0);
  });

  it('offers OpenAI-compatible speech with a key alone (api.openai.com) or a server URL alone, and not with neither', async () => {
    const withKey = new VoiceProviders(config, credentials({ 'openai-tts': { apiKey: 'sk', settings: {}, source: 'user', fetch: localFetch() } }));
    expect((await withKey.resolve('u', 'openai'))?.config).toMatchObject({ provider: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk' });
    const withUrl = new VoiceProviders(config, credentials({ 'openai-tts': { settings: { baseUrl: 'http://kokoro:8880/v1', voices: ['af_bella:Bella:en:female'] }, source: 'server', fetch: localFetch() } }));
    expect((await withUrl.resolve('u', 'openai'))?.config).toMatchObject({ baseUrl: 'http://kokoro:8880/v1', voices: [{ id: 'af_bella', name: 'Bella', language: 'en', gender: 'female' }] });
    const neither = new VoiceProviders(config, credentials({ 'openai-tts': { settings: {}, source: 'user', fetch: localFetch() } }));
    expect(await neither.resolve('u', 'openai')).toBeNull();
    await expect(neither.providerFor('u', 'openai')).rejects.toThrow('OpenAI-compatible speech is not set up');
  });

  it('offers local voice models only when the operator set VOICE_MODELS_DIR, and says how', async () => {
    const providers = new VoiceProviders(config, credentials({}));
    expect(await providers.resolve('u1', 'local')).toBeNull();
    await expect(providers.providerFor('u1', 'local')).rejects.toThrow('no voice models on this server: the operator sets VOICE_MODELS_DIR to a folder of model files');
    const withModels = new VoiceProviders({ ...config, VOICE_MODELS_DIR: '/tmp/rf-no-models-here' }, credentials({}));
    expect(await withModels.resolve('u1', 'local')).toMatchObject({ source: 'server' });
    expect((await withModels.providerFor('u1', 'local')).id).toBe('local');
  });
});
