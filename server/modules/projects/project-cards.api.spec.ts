import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectCard } from '../../../contracts/projects.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('the projects page (GET /api/projects/cards) on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await signUp(t.app);
    cookie = owner.cookie;
    userId = owner.user.id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const cards = async (query = '') => {
    const response = await call('GET', `/api/projects/cards${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ProjectCard[];
  };
  const save = (id: string, stepNumber: number, data: object, extra: object = {}) => call('POST', `/api/projects/${id}/steps`, { stepNumber, data, ...extra });
  const done = { completedAt: new Date().toISOString() };

  /** Steps 1-7 as a render leaves them: every earlier stage done, step 7 holding the video and its thumbnail. */
  async function renderedProject(title: string) {
    const id = await createProject(t.app, cookie, title);
    const thumbnail = randomUUID();
    const picture = randomUUID();
    await save(id, 1, { idea: 'Tides' }, done);
    await save(id, 2, { title: 'Tides', text: 'The moon pulls the sea.' }, done);
    await save(id, 3, { finalScript: { scenes: [{ id: 's1', text: 'The moon pulls the sea.' }] } }, done);
    await save(id, 4, {}, { skipReason: 'own video' });
    await save(id, 6, { scenes: [{ sceneId: 's1', visual: { kind: 'image', assetId: picture } }] }, done);
    expect((await save(id, 7, { outputs: { videoAssetId: randomUUID(), thumbnailAssetId: thumbnail } })).statusCode).toBe(200);
    return { id, thumbnail, picture };
  }

  it('shows each project with its stages done, the state of its video and a thumbnail', async () => {
    const fresh = await createProject(t.app, cookie, 'Blank slate');
    const video = await renderedProject('Tides explained');
    const list = await cards();
    expect(list.find((c) => c.id === fresh)).toMatchObject({ title: 'Blank slate', stagesDone: 0, stageCount: 8, work: null, thumbnailUrl: null });
    expect(list.find((c) => c.id === video.id)).toMatchObject({ stagesDone: 5, work: 'ready', thumbnailUrl: `/api/assets/${video.thumbnail}/content` });
  });

  it('says "outdated" once the script changes after the render, and "rendering" while a render job is queued', async () => {
    const video = await renderedProject('Changing script');
    await save(video.id, 3, { finalScript: { scenes: [{ id: 's1', text: 'A different script now.' }] } }, done);
    expect((await cards()).find((c) => c.id === video.id)).toMatchObject({ work: 'outdated' });
    expect((await cards('?work=outdated')).map((c) => c.id)).toEqual([video.id]);

    const running = await renderedProject('Rendering now');
    await t.context.database.executeSql(`insert into jobs (owner_id, project_id, name, state, payload) values ($1, $2, 'render.video', 'queued', '{}')`, [userId, running.id]);
    expect((await cards()).find((c) => c.id === running.id)).toMatchObject({ work: 'rendering' });
    expect((await cards('?work=rendering')).map((c) => c.id)).toEqual([running.id]);
  });

  it("falls back on the first scene's picture before any render, searches titles and filters by status", async () => {
    const id = await createProject(t.app, cookie, 'Volcano notes');
    const picture = randomUUID();
    await save(id, 6, { scenes: [{ sceneId: 's1', visual: { kind: 'article-image', assetId: picture } }] });
    const card = (await cards('?q=volcano')).find((c) => c.id === id);
    expect(card).toMatchObject({ title: 'Volcano notes', work: null, thumbnailUrl: `/api/assets/${picture}/content` });
    expect((await cards('?q=volcano')).map((c) => c.title)).toEqual(['Volcano notes']);
    expect((await cards('?status=draft')).every((c) => c.status === 'draft')).toBe(true);
  });

  it('reads the facts of every card in the same two statements, however many cards there are', async () => {
    const database = t.context.database;
    const original = database.executeSql;
    let statements = 0;
    database.executeSql = (...args) => {
      statements++;
      return original(...args);
    };
    try {
      await cards('?limit=1');
      const few = statements;
      statements = 0;
      const many = await cards();
      expect(many.length).toBeGreaterThan(3);
      expect(statements).toBe(few);
    } finally {
      database.executeSql = original;
    }
  });

  it('refuses a bad filter and shows nobody else their cards', async () => {
    expect((await call('GET', '/api/projects/cards?work=done')).statusCode).toBe(400);
    const stranger = await signUp(t.app);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/projects/cards', headers: { cookie: stranger.cookie } });
    expect(theirs.json()).toEqual([]);
  });
});
