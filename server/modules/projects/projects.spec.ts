import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../adapters/clock.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

class MovableClock implements Clock {
  offsetMs = 0;
  now() {
    return new Date(Date.now() + this.offsetMs);
  }
}

describe.each(DATABASE_KINDS)('projects on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  const clock = new MovableClock();
  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    cookie = (await signUp(t.app)).cookie;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const stage = (id: string, to: number) => call('PATCH', `/api/projects/${id}/stage`, { stage: to });
  const complete = (id: string, stepNumber: number) =>
    call('POST', `/api/projects/${id}/steps`, { stepNumber, data: {}, completedAt: new Date().toISOString() });

  it('creates one project for requests carrying the same Idempotency-Key, even at once; a bad key is a 400', async () => {
    const owner = await signUp(t.app);
    const create = (key: string, title: string) =>
      t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie: owner.cookie, 'idempotency-key': key }, payload: { title } });
    const [first, second] = await Promise.all([create('new-project-1', 'Once'), create('new-project-1', 'Once')]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json().id).toBe(first.json().id);
    expect((await create('new-project-2', 'Twice')).json().id).not.toBe(first.json().id);
    const list = await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie: owner.cookie } });
    expect(list.json().map((p: { title: string }) => p.title).sort()).toEqual(['Once', 'Twice']);
    // Another user's same key is their own.
    const other = await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie, 'idempotency-key': 'new-project-1' }, payload: { title: 'Mine' } });
    expect(other.json().id).not.toBe(first.json().id);
    const bad = await create('has space', 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Idempotency-Key');
  });

  it('creates with a default title, lists newest first with a summary, renames', async () => {
    const fresh = await signUp(t.app);
    const untitled = await t.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie: fresh.cookie } });
    expect(untitled.statusCode).toBe(201);
    expect(untitled.json()).toMatchObject({ status: 'draft', currentStage: 1, maxStage: 1, deletedAt: null });
    expect(untitled.json().title).toMatch(/^Untitled video/);
    const second = await createProject(t.app, fresh.cookie, 'Second');
    await t.app.inject({
      method: 'POST',
      url: `/api/projects/${second}/steps`,
      headers: { cookie: fresh.cookie },
      payload: { stepNumber: 1, data: { sourceType: 'idea', idea: 'Why cats sleep all day' } },
    });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie: fresh.cookie } })).json();
    expect(listed.map((p: { title: string }) => p.title)).toEqual(['Second', untitled.json().title]);
    expect(listed[0].summary).toBe('Why cats sleep all day');
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/projects/${second}`, headers: { cookie: fresh.cookie }, payload: { title: 'Cats' } });
    expect(renamed.json().title).toBe('Cats');
    const blank = await t.app.inject({ method: 'PATCH', url: `/api/projects/${second}`, headers: { cookie: fresh.cookie }, payload: { title: '  ' } });
    expect(blank.statusCode).toBe(400);
  });

  it('moves forward one stage only after completing or skipping, and back to any reached stage', async () => {
    const id = await createProject(t.app, cookie);
    expect((await stage(id, 2)).statusCode).toBe(409);
    await complete(id, 1);
    expect((await stage(id, 3)).statusCode).toBe(409);
    expect((await stage(id, 2)).json()).toMatchObject({ currentStage: 2, maxStage: 2, status: 'in_progress' });
    await complete(id, 2);
    await stage(id, 3);
    await complete(id, 3);
    await stage(id, 4);
    const skipped = await call('POST', `/api/projects/${id}/steps/4/skip`, { reason: 'I record my own voice' });
    expect(skipped.json()).toMatchObject({ skipReason: 'I record my own voice', stepNumber: 4 });
    const afterSkip = (await call('GET', `/api/projects/${id}`)).json();
    expect(afterSkip).toMatchObject({ currentStage: 5, maxStage: 5 });
    expect((await stage(id, 2)).json()).toMatchObject({ currentStage: 2, maxStage: 5 });
    expect((await stage(id, 5)).json()).toMatchObject({ currentStage: 5 });
    expect((await stage(id, 6)).statusCode).toBe(409);
    const skipReached = await call('POST', `/api/projects/${id}/steps/5/skip`, {});
    expect(skipReached.json().skipReason).toBe('Skipped by the author');
    expect((await call('GET', `/api/projects/${id}`)).json()).toMatchObject({ currentStage: 6, maxStage: 6 });
    expect((await stage(id, 0)).statusCode).toBe(400);
    expect((await stage(id, 8)).statusCode).toBe(409);
  });

  it('soft-deletes, lists deleted ones with a purge date, restores, and purges after 7 days', async () => {
    const id = await createProject(t.app, cookie, 'To delete');
    expect((await call('DELETE', `/api/projects/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/projects/${id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/projects/${id}/steps`)).statusCode).toBe(404);
    const active = (await call('GET', '/api/projects')).json();
    expect(active.some((p: { id: string }) => p.id === id)).toBe(false);
    const deleted = (await call('GET', '/api/projects?deleted=true')).json();
    const entry = deleted.find((p: { id: string }) => p.id === id);
    expect(new Date(entry.purgeAt).getTime() - new Date(entry.deletedAt).getTime()).toBe(7 * 24 * 3600 * 1000);
    expect((await call('POST', `/api/projects/${id}/restore`)).json()).toMatchObject({ deletedAt: null, title: 'To delete' });
    expect((await call('POST', `/api/projects/${id}/restore`)).statusCode).toBe(409);

    await call('DELETE', `/api/projects/${id}`);
    clock.offsetMs = 6 * 24 * 3600 * 1000;
    expect(await t.context.projects.purgeExpired()).not.toContain(id);
    clock.offsetMs = 8 * 24 * 3600 * 1000;
    expect(await t.context.projects.purgeExpired()).toContain(id);
    clock.offsetMs = 0;
    expect((await call('POST', `/api/projects/${id}/restore`)).statusCode).toBe(404);
  });

  it('filters by status and by title', async () => {
    const fresh = await signUp(t.app);
    const a = await createProject(t.app, fresh.cookie, 'Alpha news');
    await createProject(t.app, fresh.cookie, 'Beta 100%_story');
    await t.app.inject({ method: 'POST', url: `/api/projects/${a}/steps`, headers: { cookie: fresh.cookie }, payload: { stepNumber: 1, data: {}, completedAt: new Date().toISOString() } });
    await t.app.inject({ method: 'PATCH', url: `/api/projects/${a}/stage`, headers: { cookie: fresh.cookie }, payload: { stage: 2 } });
    const get = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/projects?${query}`, headers: { cookie: fresh.cookie } })).json().map((p: { title: string }) => p.title);
    expect(await get('status=in_progress')).toEqual(['Alpha news']);
    expect(await get('status=draft')).toEqual(['Beta 100%_story']);
    expect(await get('q=100%25_')).toEqual(['Beta 100%_story']);
    expect(await get('q=%25')).toEqual(['Beta 100%_story']);
    expect((await t.app.inject({ method: 'GET', url: '/api/projects?status=archived', headers: { cookie: fresh.cookie } })).statusCode).toBe(400);
  });
});
