import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { centreColour, colourDistance, hexToRgb, solidImage, storyboardApi } from './testing/storyboard-api.ts';

/** An article's pictures: a lead photo, a body photo, the lead again under another name, a thumbnail, a logo, a dead link. */
async function startPictureSite() {
  const hits = new Map<string, number>();
  const lead = await solidImage('#c81e1e', 1200, 800, 'jpeg');
  const body = await solidImage('#1ec84a', 900, 1200, 'jpeg');
  const small = await solidImage('#1e4ac8', 400, 300, 'jpeg');
  const files: Record<string, Buffer> = { '/img/lead.jpg': lead, '/img/body.jpg': body, '/img/lead-copy.jpg': lead, '/img/thumb.jpg': small, '/img/logo.png': small };
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files[path];
    if (file) return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(file);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(DATABASE_KINDS)("the article's pictures in the automatic storyboard (%s)", (kind) => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof startPictureSite>>;
  let api: ReturnType<typeof storyboardApi>;

  beforeAll(async () => {
    site = await startPictureSite();
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: new URL(site.origin).host } });
    api = storyboardApi(t.app, (await signUp(t.app)).cookie);
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  it('downloads them once through the safe fetcher, skips furniture, thumbnails, copies and dead links, and shows them on the scenes', async () => {
    const projectId = await api.projectWithScript();
    const images = ['lead.jpg', 'logo.png', 'body.jpg', 'lead-copy.jpg', 'thumb.jpg', 'gone.jpg'].map((name) => ({ url: `${site.origin}/img/${name}` }));
    expect((await api.call('PATCH', `/api/projects/${projectId}/steps/2`, { data: { title: 'Tides', images } })).status).toBe(200);

    const first = await api.call('POST', `/api/projects/${projectId}/storyboard/article-pictures`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ imported: 4, usable: 2 });
    expect((first.body as { skipped: string[] }).skipped).toEqual([expect.stringContaining('gone.jpg')]);
    expect(site.hits.get('/img/logo.png')).toBeUndefined();
    const again = await api.call('POST', `/api/projects/${projectId}/storyboard/article-pictures`, {});
    expect(again.body).toMatchObject({ imported: 4, usable: 2 });
    expect(site.hits.get('/img/lead.jpg')).toBe(1);
    expect(site.hits.get('/img/thumb.jpg')).toBe(1);

    // The lead picture opens the video, the body picture follows, the call to action keeps its card.
    const hook = await api.preview(projectId, 'sceneId=hook&width=270');
    expect(colourDistance(await centreColour(hook.png), hexToRgb('#c81e1e'))).toBeLessThan(40);
    const body = await api.preview(projectId, 'sceneId=body&width=270');
    expect(colourDistance(await centreColour(body.png), hexToRgb('#1ec84a'))).toBeLessThan(40);
    const view = await api.view(projectId);
    expect(view.scenes.map((s) => s.automaticCard !== null)).toEqual([false, false, true]);

    // An author's choice wins over the automatic picture.
    await api.patchScene(projectId, 'hook', { visual: { kind: 'card', design: 'grid', palette: 'ocean' } });
    const chosen = await api.preview(projectId, 'sceneId=hook&width=270');
    expect(colourDistance(await centreColour(chosen.png), hexToRgb('#c81e1e'))).toBeGreaterThan(60);
  }, 120_000);
});
