import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../contracts/steps.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { storyboardApi } from './testing/storyboard-api.ts';

/** Stage 5 and 6 writes that name the version they were made on: a newer version is a 412, nothing stored changes. */
describe.each(DATABASE_KINDS)('If-Match on storyboard and avatar writes (%s)', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof storyboardApi>;
  let cookie = '';
  let projectId = '';

  const send = async (method: 'PATCH' | 'POST', url: string, payload: object, ifMatch?: string) => {
    const response = await t.app.inject({ method, url, payload, headers: { cookie, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) } });
    return { status: response.statusCode, body: response.json() as { error?: { code: string; details?: { current?: Step | null } } } };
  };
  const scene = (sceneId: string, body: object, ifMatch?: string) => send('PATCH', `/api/projects/${projectId}/storyboard/scenes/${sceneId}`, body, ifMatch);
  const settings = (body: object, ifMatch?: string) => send('PATCH', `/api/projects/${projectId}/storyboard/settings`, body, ifMatch);

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ cookie } = await signUp(t.app));
    api = storyboardApi(t.app, cookie);
    projectId = await api.projectWithScript();
  });
  afterAll(() => t.close());

  it('applies a scene change made on the stored version, and refuses one made on an older version with the current step', async () => {
    expect((await scene('hook', { motion: 'zoom-in' }, '"0"')).status).toBe(200);
    const v1 = (await api.step(projectId, 6))!;
    expect(v1.version).toBe(1);
    expect((await scene('body', { motion: 'pan-left' }, '"1"')).status).toBe(200);

    // A tab still on version 1 changes the same scene the other tab changed: a 412, nothing stored changes.
    const stale = await scene('body', { motion: 'none' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.error?.code).toBe('VERSION_MISMATCH');
    expect(stale.body.error?.details?.current?.version).toBe(2);
    const stored = (await api.step(projectId, 6))!;
    expect(stored.version).toBe(2);
    expect(stored.data.scenes).toEqual([
      { sceneId: 'hook', motion: 'zoom-in' },
      { sceneId: 'body', motion: 'pan-left' },
    ]);

    // Without If-Match (API users, server-side fills) the change is applied to whatever is stored.
    expect((await scene('cta', { transition: 'cut' })).status).toBe(200);
    expect((await api.step(projectId, 6))!.version).toBe(3);
  });

  it('refuses a stale music or caption change and a malformed If-Match, changing nothing', async () => {
    const before = (await api.step(projectId, 6))!;
    const stale = await settings({ captionStyle: { colour: '#ff0000' } }, `"${before.version - 1}"`);
    expect(stale.status).toBe(412);
    const malformed = await settings({ captionStyle: { colour: '#ff0000' } }, 'yesterday');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('If-Match');
    expect((await api.step(projectId, 6))!.version).toBe(before.version);
    const fresh = await settings({ captionStyle: { colour: '#ff0000' } }, `"${before.version}"`);
    expect(fresh.status).toBe(200);
    expect((await api.step(projectId, 6))!.data.captionStyle).toEqual({ colour: '#ff0000' });
  });

  it('refuses a stale avatar placement (step 5) with the current step, and applies a fresh one', async () => {
    const url = `/api/projects/${projectId}/avatar`;
    expect((await send('PATCH', url, { placement: 'corner' }, '"0"')).status).toBe(200);
    const step5 = (await api.step(projectId, 5))!;
    const stale = await send('PATCH', url, { placement: 'full' }, '"0"');
    expect(stale.status).toBe(412);
    expect(stale.body.error?.details?.current?.version).toBe(step5.version);
    expect((await api.step(projectId, 5))!.data.placement).toBe('corner');
    expect((await send('PATCH', url, { placement: 'full' }, `"${step5.version}"`)).status).toBe(200);
    expect((await api.step(projectId, 5))!.data.placement).toBe('full');
  });
});
