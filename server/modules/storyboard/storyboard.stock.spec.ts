import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../contracts/assets.ts';
import type { StockSearchResult } from '../../../contracts/storyboard-api.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { startFakePexels } from '../../adapters/stock/testing/fake-pexels.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { centreColour, colourDistance, hexToRgb, pngHeaderOnly, solidImage, storyboardApi } from './testing/storyboard-api.ts';

const KEY = 'stage6-pexels-key';

/** A site with article images: a real JPEG, a page where an image should be, and a giant's header. */
async function startImageSite() {
  const hits = new Map<string, number>();
  const jpeg = await solidImage('#7a3cc8', 900, 600, 'jpeg');
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/images/lead.jpg') return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    if (path === '/images/not-an-image.jpg') return response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login first</html>');
    if (path === '/images/giant.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(pngHeaderOnly(12000, 9000));
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(DATABASE_KINDS)('stage 6 stock and article images (%s)', (kind) => {
  let t: TestApp;
  let unconfigured: TestApp;
  let pexels: Awaited<ReturnType<typeof startFakePexels>>;
  let site: Awaited<ReturnType<typeof startImageSite>>;
  let api: ReturnType<typeof storyboardApi>;
  let projectId = '';

  const mediaRequests = () => pexels.requests.filter((r) => !r.path.startsWith('/v1/') && !r.path.startsWith('/videos/search') && !r.path.startsWith('/videos/videos/')).length;
  const visualOf = async (sceneId: string) => (await api.view(projectId)).scenes.find((s) => s.sceneId === sceneId)!.visual;

  beforeAll(async () => {
    pexels = await startFakePexels({
      apiKey: KEY,
      photos: [
        { id: 3408744, width: 1200, height: 2000, colour: '#0b6fa4', photographer: 'Oleg Magni', alt: 'Waves on a pier' },
        { id: 1001, width: 1100, height: 1900, colour: '#999999', photographer: 'Someone Else' },
      ],
      videos: [{ id: 855564, colour: '#d2691e', durationSec: 1, author: 'Pressmaster', files: [{ width: 540, height: 960, quality: 'sd' }, { width: 1080, height: 1920, quality: 'hd' }] }],
    });
    site = await startImageSite();
    const allow = [new URL(pexels.url).host, new URL(site.origin).host].join(',');
    t = await createTestApp(kind, { env: { PEXELS_BASE_URL: pexels.url, PEXELS_API_KEY: KEY, FETCH_ALLOW_PRIVATE_HOSTS: allow } });
    unconfigured = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: allow } });
    const { cookie } = await signUp(t.app);
    api = storyboardApi(t.app, cookie);
    projectId = await api.projectWithScript();
    const images = ['lead.jpg', 'not-an-image.jpg', 'giant.png'].map((name) => ({ url: `${site.origin}/images/${name}` }));
    expect((await api.call('PATCH', `/api/projects/${projectId}/steps/2`, { data: { title: 'Tides', images } })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await unconfigured.close();
    await pexels.close();
    await site.close();
  });

  it('searches Pexels with the orientation of the aspect and shows attribution', async () => {
    expect((await api.view(projectId)).capabilities.stock.configured).toBe(true);
    const response = await api.call('GET', `/api/projects/${projectId}/storyboard/stock?query=${encodeURIComponent('ocean waves')}&media=photo`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const result = response.body as unknown as StockSearchResult;
    expect(result).toMatchObject({ provider: 'pexels', query: 'ocean waves', media: 'photo', orientation: 'portrait', totalResults: 2 });
    expect(result.items[0]).toMatchObject({ id: '3408744', author: 'Oleg Magni', sourceUrl: 'https://www.pexels.com/photo/waves-on-a-pier-3408744/' });
    const request = pexels.requests.find((r) => r.path === '/v1/search')!;
    expect(request.authorization).toBe(KEY);
    expect(request.query.get('locale')).toBe('en-US');

    const videos = (await api.call('GET', `/api/projects/${projectId}/storyboard/stock?query=harbour&media=video&orientation=portrait`)).body as unknown as StockSearchResult;
    expect(videos.items.map((i) => [i.id, i.media, i.author])).toEqual([['855564', 'video', 'Pressmaster']]);
    const empty = await api.call('GET', `/api/projects/${projectId}/storyboard/stock?query=%20`);
    expect(empty.status).toBe(400);
  });

  it('downloads a chosen photo once into the project, keeps author and link, and reuses it when chosen again', async () => {
    const chosen = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/hook/stock`, { media: 'photo', id: '3408744' });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const visual = await visualOf('hook');
    expect(visual).toMatchObject({ kind: 'stock', media: 'photo', provider: 'pexels', author: 'Oleg Magni', sourceUrl: 'https://www.pexels.com/photo/waves-on-a-pier-3408744/' });
    const asset = (await api.call('GET', `/api/assets/${(visual as { assetId: string }).assetId}`)).body as unknown as Asset;
    expect(asset).toMatchObject({ kind: 'stock', mime: 'image/jpeg', meta: { provider: 'pexels', stockId: '3408744', author: 'Oleg Magni', width: 1200, height: 2000 } });
    const downloads = mediaRequests();
    expect(downloads).toBe(1);

    await api.patchScene(projectId, 'hook', { visual: null });
    await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/hook/stock`, { media: 'photo', id: '3408744' });
    expect(mediaRequests()).toBe(downloads);
    expect(((await visualOf('hook')) as { assetId: string }).assetId).toBe(asset.id);

    const preview = await api.preview(projectId, 'sceneId=hook&width=180');
    expect(colourDistance(await centreColour(preview.png), hexToRgb('#0b6fa4'))).toBeLessThan(16);
  });

  it('downloads the smallest video rendition that covers the frame', async () => {
    const chosen = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/body/stock`, { media: 'video', id: '855564' });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    const visual = (await visualOf('body')) as { assetId: string; media: string };
    expect(visual.media).toBe('video');
    expect(pexels.requests.some((r) => r.path.endsWith('855564-hd_1080_1920_25fps.mp4'))).toBe(true);
    expect(pexels.requests.some((r) => r.path.includes('855564-sd_'))).toBe(false);
    const file = await t.context.assets.fileOf((await signUpId(api)).userId, visual.assetId);
    const probed = await probeMedia(file.path);
    expect(probed.streams.find((s) => s.codecType === 'video')).toMatchObject({ width: 1080, height: 1920 });
  });

  it('leaves the visual in place and says why when Pexels fails, refuses the key or is not set up', async () => {
    const before = await visualOf('hook');
    pexels.failNext(500, { error: 'Internal Server Error' });
    const failed = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/hook/stock`, { media: 'photo', id: '1001' });
    expect(failed.status).toBe(502);
    expect((failed.body.error as { message: string }).message).toBe('Pexels failed (HTTP 500); try again later');
    expect(await visualOf('hook')).toEqual(before);

    pexels.failNext(401, { error: 'Unauthorized' });
    const refused = await api.call('GET', `/api/projects/${projectId}/storyboard/stock?query=sea`);
    expect(refused.status).toBe(502);
    expect((refused.body.error as { message: string }).message).toContain('refused the API key');

    pexels.failNext(429, { error: 'Too many requests' });
    expect((await api.call('GET', `/api/projects/${projectId}/storyboard/stock?query=sea`)).status).toBe(429);

    const other = storyboardApi(unconfigured.app, (await signUp(unconfigured.app)).cookie);
    const otherProject = await other.projectWithScript();
    expect((await other.view(otherProject)).capabilities.stock.configured).toBe(false);
    const search = await other.call('GET', `/api/projects/${otherProject}/storyboard/stock?query=sea`);
    expect(search.status).toBe(409);
    expect(search.body.error).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', message: expect.stringContaining('Pexels API key') });
    const choose = await other.call('POST', `/api/projects/${otherProject}/storyboard/scenes/hook/stock`, { media: 'photo', id: '3408744' });
    expect(choose.status).toBe(409);
    expect((await other.view(otherProject)).scenes[0]!.visual).toBeNull();
  });

  it('fetches an article image through the safe fetcher once, and refuses pages, giants and foreign URLs', async () => {
    const url = `${site.origin}/images/lead.jpg`;
    const first = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/cta/article-image`, { url });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const view = await api.view(projectId);
    const cta = view.scenes.find((s) => s.sceneId === 'cta')!;
    expect(cta.visual).toMatchObject({ kind: 'article-image', sourceUrl: url });
    expect(cta.asset).toMatchObject({ kind: 'article-image', mime: 'image/jpeg' });
    expect(view.articleImages.find((i) => i.url === url)!.assetId).toBe(cta.asset!.id);
    await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/hook/article-image`, { url });
    expect(site.hits.get('/images/lead.jpg')).toBe(1);

    const before = await visualOf('body');
    const page = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/body/article-image`, { url: `${site.origin}/images/not-an-image.jpg` });
    expect(page.status).toBe(422);
    expect((page.body.error as { message: string }).message).toContain('text/html');
    const giant = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/body/article-image`, { url: `${site.origin}/images/giant.png` });
    expect(giant.status).toBe(422);
    expect((giant.body.error as { message: string }).message).toContain('12000x9000');
    const foreign = await api.call('POST', `/api/projects/${projectId}/storyboard/scenes/body/article-image`, { url: 'http://169.254.169.254/latest/meta-data' });
    expect(foreign.status).toBe(400);
    expect(await visualOf('body')).toEqual(before);
  });
});

async function signUpId(api: ReturnType<typeof storyboardApi>): Promise<{ userId: string }> {
  const me = await api.call('GET', '/api/auth/me');
  return { userId: (me.body as { id: string }).id };
}
