import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../contracts/providers.ts';
import { type RecordedRequest, sendJson, startFakeServer } from '../../adapters/tts/testing/fake-server.ts';
import { AppError } from '../../http/errors.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { AvatarProviders } from '../avatar/avatar-providers.ts';
import { MetricsProviders } from '../performance/metrics-providers.ts';
import { StockProviders } from '../storyboard/stock.ts';
import { VoiceProviders } from '../voice/voice-providers.ts';
import { Transcribers } from '../media-sources/transcribers.ts';
import { encodeWav } from '../../adapters/ffmpeg/audio.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialsService } from './credentials.service.ts';

/** A tenth of a second of silence for the transcription provider to be called with. */
async function silentWav(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'stt-key-')), 'silence.wav');
  await writeFile(file, encodeWav(new Float32Array(1600), 16_000));
  return file;
}

type Server = Awaited<ReturnType<typeof startFakeServer>>;

const OPERATOR_KEY: Record<ProviderId, string> = {
  openai: 'operator-openai-key',
  anthropic: 'operator-anthropic-key',
  elevenlabs: 'operator-elevenlabs-key',
  'openai-tts': 'operator-speech-key',
  pexels: 'operator-pexels-key',
  heygen: 'operator-heygen-key',
  youtube: 'operator-youtube-key',
  instagram: 'operator-instagram-token',
  'openai-stt': 'operator-transcription-key',
};
const PROVIDER_IDS = Object.keys(OPERATOR_KEY) as ProviderId[];

/** Every header and body a server received, as one string to search for keys. */
const seenBy = (server: Server, since = 0) => server.requests.slice(since).map((r: RecordedRequest) => `${JSON.stringify(r.headers)}\n${r.body}`).join('\n');

/*
 * The operator configured every provider with a key and a base URL (a local fake). A user then
 * points each provider at a server of their own (the "attacker", reachable for the test through
 * FETCH_ALLOW_PRIVATE_HOSTS so that a leaked key would really arrive).
 */
describe('operator provider keys go only to the operator’s base URL', () => {
  let t: TestApp;
  let operator: Server;
  let attacker: Server;
  beforeAll(async () => {
    const refuse = (_request: RecordedRequest, response: Parameters<typeof sendJson>[0]) => sendJson(response, 400, { error: { message: 'refused for the test' } });
    operator = await startFakeServer(refuse);
    attacker = await startFakeServer(refuse);
    t = await createTestApp('pglite', {
      env: {
        WRITER_PROVIDER: 'openai',
        OPENAI_BASE_URL: `${operator.url}/v1`,
        OPENAI_API_KEY: OPERATOR_KEY.openai,
        ANTHROPIC_BASE_URL: operator.url,
        ANTHROPIC_API_KEY: OPERATOR_KEY.anthropic,
        ELEVENLABS_BASE_URL: operator.url,
        ELEVENLABS_API_KEY: OPERATOR_KEY.elevenlabs,
        OPENAI_TTS_BASE_URL: `${operator.url}/v1`,
        OPENAI_TTS_API_KEY: OPERATOR_KEY['openai-tts'],
        PEXELS_BASE_URL: operator.url,
        PEXELS_API_KEY: OPERATOR_KEY.pexels,
        HEYGEN_BASE_URL: operator.url,
        HEYGEN_UPLOAD_BASE_URL: operator.url,
        HEYGEN_API_KEY: OPERATOR_KEY.heygen,
        YOUTUBE_BASE_URL: operator.url,
        YOUTUBE_API_KEY: OPERATOR_KEY.youtube,
        INSTAGRAM_BASE_URL: operator.url,
        INSTAGRAM_ACCESS_TOKEN: OPERATOR_KEY.instagram,
        OPENAI_STT_BASE_URL: `${operator.url}/v1`,
        OPENAI_STT_API_KEY: OPERATOR_KEY['openai-stt'],
        FETCH_ALLOW_PRIVATE_HOSTS: new URL(attacker.url).host,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await operator.close();
    await attacker.close();
  });

  /** One call that reaches the provider with whatever key the server resolves for this user. */
  const callProvider = async (provider: ProviderId, userId: string): Promise<unknown> => {
    const { credentials, config } = t.context;
    switch (provider) {
      case 'openai':
      case 'anthropic':
        return (await t.context.textPipeline.writers.forUser(userId)).analyse({ text: 'A city council approved a new bridge on Monday.' });
      case 'elevenlabs':
        return (await new VoiceProviders(config, credentials).providerFor(userId, 'elevenlabs')).listVoices();
      case 'openai-tts':
        return (await new VoiceProviders(config, credentials).providerFor(userId, 'openai')).synthesize({ text: 'Hello there.', voiceId: 'alloy', language: 'en', speed: 1 });
      case 'pexels':
        return (await new StockProviders(credentials, config).forUser(userId)).search({ query: 'bridge', media: 'photo', orientation: 'portrait', page: 1, perPage: 5 });
      case 'heygen':
        return (await new AvatarProviders(credentials, config).forUser(userId)).listAvatars();
      case 'youtube':
        return (await new MetricsProviders(credentials, config).forUser(userId, 'youtube'))!.statistics(['abcDEF12345']);
      case 'instagram':
        return (await new MetricsProviders(credentials, config).forUser(userId, 'instagram'))!.reelInsights('17900000000001');
      case 'openai-stt': {
        const { transcriber } = await new Transcribers(config, credentials).forUser(userId);
        return transcriber?.transcribe(await silentWav(), {});
      }
    }
  };
  const attempt = (provider: ProviderId, userId: string) => callProvider(provider, userId).then(() => null, (error: unknown) => error);
  const save = async (cookie: string, provider: ProviderId, payload: object) => {
    const response = await t.app.inject({ method: 'PUT', url: `/api/providers/${provider}`, headers: { cookie }, payload });
    expect(response.statusCode, response.body).toBe(200);
  };
  // The writer is chosen by settings.enabled; the other providers are used when asked for.
  const enabled = (provider: ProviderId) => (provider === 'openai' || provider === 'anthropic' ? { enabled: true } : {});

  it.each(PROVIDER_IDS)('%s: a user base URL without the user’s own key never receives the operator key', async (provider) => {
    const { cookie, user } = await signUp(t.app);
    await save(cookie, provider, { settings: { baseUrl: `${attacker.url}/v1`, ...enabled(provider) } });
    const before = attacker.requests.length;
    const error = await attempt(provider, user.id);

    for (const key of Object.values(OPERATOR_KEY)) expect(seenBy(attacker)).not.toContain(key);
    if (provider === 'openai' || provider === 'openai-tts' || provider === 'openai-stt') {
      // Keyless servers (Ollama, Kokoro) are a real choice: the request goes there, with no key at all.
      expect(attacker.requests.length).toBeGreaterThan(before);
      expect(attacker.requests.slice(before).every((r) => r.headers.authorization === undefined)).toBe(true);
    } else {
      expect(attacker.requests.length).toBe(before);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', status: 409 });
      expect((error as Error).message).toMatch(/own base URL .*without your own API key.*only sent to the server's own address/);
    }
  });

  it.each(PROVIDER_IDS)('%s: the operator’s own base URL still gets the operator key', async (provider) => {
    const { cookie, user } = await signUp(t.app);
    // The same URL the operator configured, written with a trailing slash, is the operator's URL.
    if (provider === 'anthropic') await save(cookie, provider, { settings: { baseUrl: `${operator.url}/`, enabled: true } });
    const before = operator.requests.length;
    await attempt(provider, user.id);
    expect(operator.requests.length).toBeGreaterThan(before);
    expect(seenBy(operator, before)).toContain(OPERATOR_KEY[provider]);
  });

  it.each(PROVIDER_IDS)('%s: a user’s own key goes to the user’s own base URL', async (provider) => {
    const { cookie, user } = await signUp(t.app);
    const ownKey = `user-${provider}-key`;
    await save(cookie, provider, { apiKey: ownKey, settings: { baseUrl: `${attacker.url}/v1`, ...enabled(provider) } });
    const before = attacker.requests.length;
    const operatorBefore = operator.requests.length;
    await attempt(provider, user.id);
    expect(seenBy(attacker, before)).toContain(ownKey);
    expect(seenBy(attacker, before)).not.toContain(OPERATOR_KEY[provider]);
    expect(operator.requests.length).toBe(operatorBefore);
  });
});

describe('PROVIDER_USER_URLS keeps providers on the operator’s base URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { env: { PROVIDER_USER_URLS: 'openai', PEXELS_API_KEY: 'operator-pexels-key' } });
  });
  afterAll(() => t.close());

  it('refuses to save another base URL for a provider not listed, and accepts the operator’s own or a listed provider’s', async () => {
    const { cookie } = await signUp(t.app);
    const put = (provider: string, settings: object) => t.app.inject({ method: 'PUT', url: `/api/providers/${provider}`, headers: { cookie }, payload: { apiKey: 'mine', settings } });
    const refused = await put('pexels', { baseUrl: 'https://stock.example/api' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/Pexels.*does not allow your own base URL/);
    expect((await t.app.inject({ method: 'GET', url: '/api/providers', headers: { cookie } })).json().find((p: { provider: string }) => p.provider === 'pexels').hasKey).toBe(false);
    expect((await put('pexels', { baseUrl: 'https://api.pexels.com/' })).statusCode).toBe(200);
    expect((await put('openai', { baseUrl: 'https://llm.example/v1' })).statusCode).toBe(200);
  });

  it('makes a provider unavailable, saying why, when a base URL saved earlier is no longer allowed', async () => {
    const { user } = await signUp(t.app);
    const earlier = new CredentialsService(t.context.database.db, { ...t.context.config, PROVIDER_USER_URLS: ['pexels'] });
    await earlier.save({ userId: user.id } as Parameters<CredentialsService['save']>[0], 'pexels', { apiKey: 'mine', settings: { baseUrl: 'https://stock.example/api' } });
    const resolved = await t.context.credentials.resolve(user.id, 'pexels');
    expect(resolved?.apiKey).toBeUndefined();
    expect(resolved?.unavailable).toMatch(/Pexels.*does not allow your own base URL \(https:\/\/stock\.example\/api\)/);
    await expect(new StockProviders(t.context.credentials, t.context.config).forUser(user.id)).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', status: 409 });
  });

  it('rejects an unknown provider in the setting', async () => {
    const { loadConfig } = await import('../../config.ts');
    expect(() => loadConfig({ DATA_DIR: t.dataDir, PROVIDER_USER_URLS: 'openai,myspace' })).toThrow(/PROVIDER_USER_URLS: unknown provider myspace/);
    expect(loadConfig({ DATA_DIR: t.dataDir, PROVIDER_USER_URLS: 'none' }).PROVIDER_USER_URLS).toEqual([]);
  });
});
