import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

const EXACT_BODY =
  '{"stepNumber":3,"data":{"finalScript":{"scenes":[{"id":"1","text":"Hook"}],"selectedVariants":{"0":"v0-A"},"totalWords":150,"duration":60}}}';

describe.each(DATABASE_KINDS)('step store on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = (await signUp(t.app)).cookie;
  });
  afterAll(() => t.close());

  const post = (projectId: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/steps`, headers: { cookie, ...headers }, payload: payload as object });
  const patch = (projectId: string, step: number, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}/steps/${step}`,
      headers: { cookie, 'content-type': 'application/merge-patch+json', ...headers },
      payload: JSON.stringify(payload),
    });
  const list = async (projectId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps`, headers: { cookie } })).json() as Array<Record<string, unknown>>;

  it('accepts the reference body and returns its data unchanged, byte for byte', async () => {
    const projectId = await createProject(t.app, cookie);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/steps`,
      headers: { cookie, 'content-type': 'application/json' },
      payload: EXACT_BODY,
    });
    expect(response.statusCode).toBe(200);
    const sentData = JSON.stringify(JSON.parse(EXACT_BODY).data);
    expect(JSON.stringify(response.json().data)).toBe(sentData);
    const steps = await list(projectId);
    expect(steps).toHaveLength(1);
    expect(JSON.stringify(steps[0]!.data)).toBe(sentData);
    expect(steps[0]).toMatchObject({ stepNumber: 3, version: 1, completedAt: null, skipReason: null });
  });

  it('hands the second script of stage 3 to whoever reads next (the original bug)', async () => {
    const projectId = await createProject(t.app, cookie);
    const first = { finalScript: { scenes: [{ id: '1', text: 'First hook' }], totalWords: 2, duration: 1 } };
    const second = { finalScript: { scenes: [{ id: '1', text: 'Second, better hook' }], totalWords: 3, duration: 1.2 } };
    expect((await post(projectId, { stepNumber: 3, data: first })).statusCode).toBe(200);
    const saved = await post(projectId, { stepNumber: 3, data: second });
    expect(saved.json()).toMatchObject({ data: second, version: 2 });
    const steps = await list(projectId);
    expect(steps.filter((s) => s.stepNumber === 3)).toHaveLength(1);
    expect(steps.find((s) => s.stepNumber === 3)!.data).toEqual(second);
  });

  it('lists steps ascending by stepNumber and keeps unknown fields', async () => {
    const projectId = await createProject(t.app, cookie);
    for (const stepNumber of [4, 1, 3]) {
      await post(projectId, { stepNumber, data: { custom: { nested: [stepNumber] } } });
    }
    const steps = await list(projectId);
    expect(steps.map((s) => s.stepNumber)).toEqual([1, 3, 4]);
    expect(steps[2]!.data).toEqual({ custom: { nested: [4] } });
  });

  it('type-checks known fields and names the offending one', async () => {
    const projectId = await createProject(t.app, cookie);
    const response = await post(projectId, { stepNumber: 1, data: { format: 'opera', language: 'en' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.message).toContain('data.format');
    expect(await list(projectId)).toEqual([]);
  });

  it('clears completedAt and skipReason with null and keeps them when absent', async () => {
    const projectId = await createProject(t.app, cookie);
    const completedAt = '2026-01-02T03:04:05.000Z';
    await post(projectId, { stepNumber: 2, data: { a: 1 }, completedAt, skipReason: 'x' });
    const kept = await post(projectId, { stepNumber: 2, data: { a: 2 } });
    expect(kept.json()).toMatchObject({ completedAt, skipReason: 'x', data: { a: 2 } });
    const cleared = await post(projectId, { stepNumber: 2, data: { a: 3 }, completedAt: null, skipReason: null });
    expect(cleared.json()).toMatchObject({ completedAt: null, skipReason: null, version: 3 });
  });

  it('refuses a write based on an old version with 412 and the current row', async () => {
    const projectId = await createProject(t.app, cookie);
    const v1 = (await post(projectId, { stepNumber: 3, data: { n: 1 } })).json();
    expect((await post(projectId, { stepNumber: 3, data: { n: 2 } }, { 'if-match': `"${v1.version}"` })).statusCode).toBe(200);
    const stale = await post(projectId, { stepNumber: 3, data: { n: 3 } }, { 'if-match': `"${v1.version}"` });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('VERSION_MISMATCH');
    expect(stale.json().error.details.current).toMatchObject({ version: 2, data: { n: 2 } });
    const staleBody = await post(projectId, { stepNumber: 3, data: { n: 4 }, baseVersion: 1 });
    expect(staleBody.statusCode).toBe(412);
    expect((await list(projectId))[0]).toMatchObject({ version: 2, data: { n: 2 } });
  });

  it('treats baseVersion 0 as "must not exist yet" and If-Match on a missing step as a mismatch', async () => {
    const projectId = await createProject(t.app, cookie);
    expect((await post(projectId, { stepNumber: 5, data: {}, baseVersion: 0 })).statusCode).toBe(200);
    const again = await post(projectId, { stepNumber: 5, data: {}, baseVersion: 0 });
    expect(again.statusCode).toBe(412);
    const missing = await post(projectId, { stepNumber: 6, data: {} }, { 'if-match': '"4"' });
    expect(missing.statusCode).toBe(412);
    expect(missing.json().error.details.current).toBeNull();
    expect((await post(projectId, { stepNumber: 6, data: {} }, { 'if-match': 'soon' })).statusCode).toBe(400);
  });

  it('merges a partial update as a JSON merge patch, atomically versioned', async () => {
    const projectId = await createProject(t.app, cookie);
    await post(projectId, { stepNumber: 4, data: { voice: { provider: 'espeak', speed: 1 }, mode: 'tts', note: 'x' } });
    const merged = await patch(projectId, 4, { data: { voice: { speed: 1.25 }, note: null } }, { 'if-match': '"1"' });
    expect(merged.statusCode).toBe(200);
    expect(merged.headers.etag).toBe('"2"');
    expect(merged.json().data).toEqual({ voice: { provider: 'espeak', speed: 1.25 }, mode: 'tts' });
    const stale = await patch(projectId, 4, { data: { mode: 'upload' } }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const invalid = await patch(projectId, 4, { data: { voice: { speed: 'fast' } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain('data.voice.speed');
    expect((await list(projectId))[0]).toMatchObject({ version: 2, data: { mode: 'tts' } });
  });

  it('creates a step through a merge and clears completedAt with null', async () => {
    const projectId = await createProject(t.app, cookie);
    const created = await patch(projectId, 6, { data: { music: { volume: 0.3 } }, completedAt: '2026-05-05T10:00:00Z' });
    expect(created.json()).toMatchObject({ version: 1, data: { music: { volume: 0.3 } } });
    expect(created.json().completedAt).not.toBeNull();
    const cleared = await patch(projectId, 6, { completedAt: null });
    expect(cleared.json()).toMatchObject({ version: 2, completedAt: null, data: { music: { volume: 0.3 } } });
  });

  it('reports a derived step as stale when its source changed, until it is rebuilt', async () => {
    const projectId = await createProject(t.app, cookie);
    const script = (await post(projectId, { stepNumber: 3, data: { finalScript: { scenes: [{ id: '1', text: 'a' }] } } })).json();
    const voice = (await post(projectId, { stepNumber: 4, data: {} })).json();
    expect(voice).toMatchObject({ stale: false, derivedFrom: { '3': script.version } });
    await post(projectId, { stepNumber: 3, data: { finalScript: { scenes: [{ id: '1', text: 'b' }] } } });
    const afterChange = (await list(projectId)).find((s) => s.stepNumber === 4)!;
    expect(afterChange).toMatchObject({ stale: true, staleSources: [3] });
    const rebuilt = (await post(projectId, { stepNumber: 4, data: { rebuilt: true } })).json();
    expect(rebuilt).toMatchObject({ stale: false, derivedFrom: { '3': 2 } });
    const fromOld = (await post(projectId, { stepNumber: 4, data: {}, derivedFrom: { '3': 1 } })).json();
    expect(fromOld).toMatchObject({ stale: true, derivedFrom: { '3': 1 } });
  });

  it('outdated only when a source changed its content: same data, completion and skipped stages change nothing downstream', async () => {
    const projectId = await createProject(t.app, cookie);
    const scriptData = { finalScript: { scenes: [{ id: '1', text: 'a' }] } };
    await post(projectId, { stepNumber: 3, data: scriptData });
    await post(projectId, { stepNumber: 4, data: { note: 'x' } });
    await post(projectId, { stepNumber: 6, data: { scenes: [] } });
    await post(projectId, { stepNumber: 7, data: { jobId: 'j' } });

    // The same script again (a regeneration with the same result), then marking stage 3 and 4 complete.
    await post(projectId, { stepNumber: 3, data: scriptData });
    await patch(projectId, 3, { completedAt: new Date().toISOString() });
    await patch(projectId, 4, { data: { note: 'x' }, completedAt: new Date().toISOString() });
    let steps = await list(projectId);
    expect(steps.filter((s) => s.stale).map((s) => s.stepNumber)).toEqual([]);
    expect(steps.find((s) => s.stepNumber === 3)).toMatchObject({ version: 3 });

    // A real change of the script: the voice, the storyboard and the render built from it are outdated.
    await post(projectId, { stepNumber: 3, data: { finalScript: { scenes: [{ id: '1', text: 'b' }] } } });
    steps = await list(projectId);
    expect(steps.filter((s) => s.stale).map((s) => s.stepNumber)).toEqual([4, 6, 7]);

    // A skipped stage is never outdated.
    await t.app.inject({ method: 'PATCH', url: `/api/projects/${projectId}/stage`, headers: { cookie }, payload: { stage: 1 } });
    await post(projectId, { stepNumber: 4, data: { note: 'x' }, completedAt: null, skipReason: 'own voice' });
    steps = await list(projectId);
    expect(steps.find((s) => s.stepNumber === 4)).toMatchObject({ stale: false, staleSources: [] });

    // Completing an outdated step does not make it current; rebuilding its data does.
    await patch(projectId, 6, { completedAt: new Date().toISOString() });
    expect((await list(projectId)).find((s) => s.stepNumber === 6)).toMatchObject({ stale: true, staleSources: [3] });
    await patch(projectId, 6, { data: { scenes: [{ sceneId: '1' }] } });
    expect((await list(projectId)).find((s) => s.stepNumber === 6)).toMatchObject({ stale: false });
  });
});
