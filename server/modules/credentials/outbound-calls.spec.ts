import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startFakeServer } from '../../adapters/tts/testing/fake-server.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { AvatarProviders } from '../avatar/avatar-providers.ts';
import { RemoteMedia } from '../storyboard/remote-media.ts';
import { StockProviders } from '../storyboard/stock.ts';

type Server = Awaited<ReturnType<typeof startFakeServer>>;

/*
 * Provider calls go through the pinned, redirect-checked client: the operator's own server is
 * trusted (it is on 127.0.0.1 here), but a redirect from it to another internal address is refused
 * before anything is sent there.
 */
describe('provider calls and media downloads refuse redirects to internal addresses', () => {
  let t: TestApp;
  let redirector: Server;
  let internal: Server;
  beforeAll(async () => {
    internal = await startFakeServer((_request, response) => sendJson(response, 200, { secret: 'internal data' }));
    redirector = await startFakeServer((request, response) => void response.writeHead(302, { location: `${internal.url}${request.path}` }).end());
    t = await createTestApp('pglite', {
      env: {
        PEXELS_BASE_URL: redirector.url,
        PEXELS_API_KEY: 'operator-pexels-key',
        HEYGEN_BASE_URL: redirector.url,
        HEYGEN_API_KEY: 'operator-heygen-key',
        // Media downloads are user URLs: the redirector itself is reachable only through the test allow-list.
        FETCH_ALLOW_PRIVATE_HOSTS: new URL(redirector.url).host,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await redirector.close();
    await internal.close();
  });

  it('stock search (Pexels)', async () => {
    const { user } = await signUp(t.app);
    const stock = await new StockProviders(t.context.credentials, t.context.config).forUser(user.id);
    await expect(stock.search({ query: 'bridge', media: 'photo', orientation: 'portrait', page: 1, perPage: 5 })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/refused to fetch 127\.0\.0\.1:\d+: it points to loopback/),
    });
    expect(redirector.requests.at(-1)?.path).toBe('/v1/search');
    expect(internal.requests).toHaveLength(0);
  });

  it('avatar list (HeyGen)', async () => {
    const { user } = await signUp(t.app);
    const heygen = await new AvatarProviders(t.context.credentials, t.context.config).forUser(user.id);
    await expect(heygen.listAvatars()).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/refused to fetch 127\.0\.0\.1:\d+/) });
    expect(redirector.requests.at(-1)?.path).toBe('/v2/avatars');
    expect(internal.requests).toHaveLength(0);
  });

  it('media downloads (stock files, article images, avatar clips)', async () => {
    const { cookie, user } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const remote = new RemoteMedia({ assets: t.context.assets, tempDir: join(t.dataDir, 'tmp'), allowPrivateHosts: t.context.config.FETCH_ALLOW_PRIVATE_HOSTS });
    const download = remote.fetch({ userId: user.id, via: 'session' }, projectId, {
      url: `${redirector.url}/photo.jpg`,
      kind: 'stock',
      media: 'image',
      cacheKey: 'photo-1',
      meta: {},
      what: 'the stock photo',
    });
    await expect(download).rejects.toMatchObject({ code: 'FETCH_FAILED', details: { reason: 'BLOCKED_ADDRESS' } });
    expect(redirector.requests.at(-1)?.path).toBe('/photo.jpg');
    expect(internal.requests).toHaveLength(0);
  });
});

const MARKER = 'UPSTREAM-BODY-MARKER-7f3a';

describe('what a provider answers with an error never reaches the API response', () => {
  let t: TestApp;
  let provider: Server;
  beforeAll(async () => {
    // Every shape providers use for error text, each carrying the marker.
    provider = await startFakeServer((_request, response) =>
      sendJson(response, 400, { error: { message: MARKER, type: MARKER }, detail: MARKER, message: MARKER, msg: MARKER, code: 400 }),
    );
    t = await createTestApp('pglite', {
      env: {
        WRITER_PROVIDER: 'openai',
        OPENAI_BASE_URL: `${provider.url}/v1`,
        ELEVENLABS_BASE_URL: provider.url,
        ELEVENLABS_API_KEY: 'operator-elevenlabs-key',
        PEXELS_BASE_URL: provider.url,
        PEXELS_API_KEY: 'operator-pexels-key',
        HEYGEN_BASE_URL: provider.url,
        HEYGEN_API_KEY: 'operator-heygen-key',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('LLM analysis, voice list, stock search and avatar catalog say the provider and the status only', async () => {
    const { cookie } = await signUp(t.app);
    const projectId = await createProject(t.app, cookie);
    const calls = [
      { name: 'analysis', request: { method: 'POST' as const, url: '/api/analysis', payload: { text: 'A city council approved a new bridge on Monday.' } }, says: /answered HTTP 400/ },
      { name: 'voices', request: { method: 'GET' as const, url: '/api/voices' }, says: /elevenlabs refused the request \(HTTP 400\)/ },
      { name: 'stock', request: { method: 'GET' as const, url: `/api/projects/${projectId}/storyboard/stock?query=bridge` }, says: /Pexels refused the request \(HTTP 400\)/ },
      { name: 'avatar', request: { method: 'GET' as const, url: '/api/avatar/catalog' }, says: /HeyGen refused the request \(HTTP 400\)/ },
    ];
    for (const call of calls) {
      const before = provider.requests.length;
      const response = await t.app.inject({ ...call.request, headers: { cookie } });
      expect(provider.requests.length, call.name).toBeGreaterThan(before);
      expect(response.body, call.name).toMatch(call.says);
      expect(response.body, call.name).not.toContain(MARKER);
    }
  });
});
