import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderState } from '../../../contracts/render-api.ts';
import type { PublishMetadata } from '../../../contracts/script.ts';
import type { StockFillResult, StoryboardView } from '../../../contracts/storyboard-api.ts';
import { startFakePexels } from '../../adapters/stock/testing/fake-pexels.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { solidImage, storyboardApi } from './testing/storyboard-api.ts';

const KEY = 'stock-fill-pexels-key';
const SCENES = [
  { id: 'moon', text: 'Tides rise twice a day because the moon pulls the oceans.' },
  { id: 'bulge', text: 'The water bulges on the side facing the moon and on the far side too.' },
  { id: 'harbour', text: 'Fishermen in northern harbours plan their mornings around these rhythms.' },
  { id: 'cta', text: 'Follow for more science explained in a minute.' },
];

async function startPictureSite() {
  const jpeg = await solidImage('#7a3cc8', 1200, 800, 'jpeg');
  const server: Server = createServer((request, response) => {
    if (request.url === '/moon.jpg') return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(DATABASE_KINDS)('automatic storyboard: article pictures, then Pexels, then cards (%s)', (kind) => {
  let t: TestApp;
  let unconfigured: TestApp;
  let pexels: Awaited<ReturnType<typeof startFakePexels>>;
  let site: Awaited<ReturnType<typeof startPictureSite>>;

  beforeAll(async () => {
    pexels = await startFakePexels({
      apiKey: KEY,
      photos: [
        { id: 3408744, width: 1200, height: 2000, colour: '#0b6fa4', photographer: 'Oleg Magni', alt: 'Waves on a pier' },
        { id: 1001, width: 1100, height: 1900, colour: '#999999', photographer: 'Anna Shvets' },
      ],
    });
    site = await startPictureSite();
    const allow = [new URL(pexels.url).host, new URL(site.origin).host].join(',');
    t = await createTestApp(kind, { env: { PEXELS_BASE_URL: pexels.url, PEXELS_API_KEY: KEY, FETCH_ALLOW_PRIVATE_HOSTS: allow } });
    unconfigured = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: allow } });
  });
  afterAll(async () => {
    await t.close();
    await unconfigured.close();
    await pexels.close();
    await site.close();
  });

  async function projectWithPicture(app: TestApp) {
    const api = storyboardApi(app.app, (await signUp(app.app)).cookie);
    const projectId = await api.projectWithScript(SCENES);
    const images = [{ url: `${site.origin}/moon.jpg`, alt: 'The moon over the sea', credit: 'Photo: Jane Doe / Reuters', position: 0 }];
    const data = { title: 'Tides', url: 'https://news.example/tides', siteName: 'News Example', images };
    expect((await api.call('PATCH', `/api/projects/${projectId}/steps/2`, { data })).status).toBe(200);
    const imported = await api.call('POST', `/api/projects/${projectId}/storyboard/article-pictures`, {});
    expect(imported.body).toMatchObject({ imported: 1, usable: 1 });
    return { api, projectId };
  }

  it('gives scenes no article picture fits a Pexels photo with its photographer, keeps the picture first and the closing card', async () => {
    const { api, projectId } = await projectWithPicture(t);
    const searchesBefore = pexels.requests.filter((r) => r.path === '/v1/search').length;
    const unfilled = (await api.call('GET', `/api/projects/${projectId}/storyboard`)).body as unknown as StoryboardView;
    expect(unfilled.stockFilled).toBe(false);
    const response = await api.call('POST', `/api/projects/${projectId}/storyboard/stock-fill`, {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const result = response.body as unknown as StockFillResult;
    expect(result).toEqual({ configured: true, filled: ['bulge', 'harbour'], skipped: [] });

    const view = (await api.call('GET', `/api/projects/${projectId}/storyboard`)).body as unknown as StoryboardView;
    // Marked as filled, so opening the storyboard does not fill again over what the author changes.
    expect(view.stockFilled).toBe(true);
    const byId = new Map(view.scenes.map((s) => [s.sceneId, s]));
    // The article picture stays on the scene it fits (automatic), the closing call to action keeps its card.
    expect(byId.get('moon')!.visual).toBeNull();
    expect(byId.get('cta')!.visual).toBeNull();
    const stock = ['bulge', 'harbour'].map((id) => byId.get(id)!.visual as { kind: string; author?: string; assetId: string });
    expect(stock.map((v) => v.kind)).toEqual(['stock', 'stock']);
    expect(stock.map((v) => v.author)).toEqual(['Oleg Magni', 'Anna Shvets']);
    expect(new Set(stock.map((v) => v.assetId)).size).toBe(2);

    const searches = pexels.requests.filter((r) => r.path === '/v1/search').slice(searchesBefore);
    expect(searches).toHaveLength(2);
    expect(searches.every((r) => r.authorization === KEY && r.query.get('orientation') === 'portrait')).toBe(true);
    expect(searches[1]!.query.get('query')).toContain('fishermen');

    // Run again: every scene has its visual, so nothing is searched or changed.
    const again = (await api.call('POST', `/api/projects/${projectId}/storyboard/stock-fill`, {})).body as unknown as StockFillResult;
    expect(again).toEqual({ configured: true, filled: [], skipped: [] });
    expect(pexels.requests.filter((r) => r.path === '/v1/search').length).toBe(searchesBefore + 2);
  });

  it('keeps the credits in the project: the render state and the drafted publish description list the source and every picture shown', async () => {
    const { api, projectId } = await projectWithPicture(t);
    const before = (await api.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    expect(before.credits).toEqual({ sourceUrl: 'https://news.example/tides', lines: ['Photo: Jane Doe / Reuters'] });

    expect((await api.call('POST', `/api/projects/${projectId}/storyboard/stock-fill`, {})).status).toBe(200);
    const { credits } = (await api.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    expect(credits.lines).toEqual([
      'Photo: Jane Doe / Reuters',
      'Photo: Oleg Magni / Pexels (https://www.pexels.com/photo/waves-on-a-pier-3408744/)',
      expect.stringMatching(/^Photo: Anna Shvets \/ Pexels/),
    ]);

    const drafted = await api.call('POST', `/api/projects/${projectId}/publish/draft`);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    const description = (drafted.body as unknown as PublishMetadata).description;
    expect(description).toMatch(/\n\nSource: https:\/\/news\.example\/tides\nCredits:\nPhoto: Jane Doe \/ Reuters\nPhoto: Oleg Magni \/ Pexels/);
    expect(description.split('\n\nSource:')[0]!.length).toBeGreaterThan(10);

    // A scene back on its automatic card drops its photographer from the credits.
    await api.patchScene(projectId, 'harbour', { visual: { kind: 'card' } });
    const after = (await api.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    expect(after.credits.lines.some((line) => line.includes('Anna Shvets'))).toBe(false);
  });

  it('without a Pexels key leaves cards and asks nothing', async () => {
    const { api, projectId } = await projectWithPicture(unconfigured);
    const requests = pexels.requests.length;
    const result = (await api.call('POST', `/api/projects/${projectId}/storyboard/stock-fill`, {})).body as unknown as StockFillResult;
    expect(result).toEqual({ configured: false, filled: [], skipped: [] });
    expect(pexels.requests.length).toBe(requests);
    const view = (await api.call('GET', `/api/projects/${projectId}/storyboard`)).body as unknown as StoryboardView;
    expect(view.scenes.every((s) => s.visual === null)).toBe(true);
    expect(view.stockFilled).toBe(false);
  });
});
