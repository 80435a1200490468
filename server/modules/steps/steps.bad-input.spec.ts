import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';

describe.each(DATABASE_KINDS)('bad input to the step store on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let projectId: string;
  let before: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    cookie = (await signUp(t.app)).cookie;
    projectId = await createProject(t.app, cookie);
    await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/steps`, headers: { cookie }, payload: { stepNumber: 3, data: { keep: 'me' } } });
    before = await snapshot();
  });
  afterAll(() => t.close());

  async function snapshot() {
    const steps = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps`, headers: { cookie } });
    const project = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}`, headers: { cookie } });
    return JSON.stringify([steps.json(), (project.json() as { currentStage: number }).currentStage]);
  }

  const json = (body: unknown) => ({ 'content-type': 'application/json', payload: JSON.stringify(body) });
  const big = (bytes: number) => JSON.stringify({ stepNumber: 3, data: { blob: 'x'.repeat(bytes) } });

  const cases: Array<[string, { url?: string; contentType?: string; payload: string }, number, string]> = [
    ['malformed JSON', { payload: '{"stepNumber": 3, "data": {' }, 400, 'MALFORMED_JSON'],
    ['stepNumber 0', json({ stepNumber: 0, data: {} }), 400, 'stepNumber'],
    ['stepNumber 9', json({ stepNumber: 9, data: {} }), 400, 'stepNumber'],
    ['stepNumber "3a"', json({ stepNumber: '3a', data: {} }), 400, 'stepNumber'],
    ['stepNumber 3.5', json({ stepNumber: 3.5, data: {} }), 400, 'stepNumber'],
    ['data that is an array', json({ stepNumber: 3, data: [1, 2] }), 400, 'data'],
    ['data that is a string', json({ stepNumber: 3, data: 'text' }), 400, 'data'],
    ['missing data', json({ stepNumber: 3 }), 400, 'data'],
    ['a NUL character in step data', json({ stepNumber: 3, data: { finalScript: { scenes: [{ id: '1', text: 'a\u0000b' }] } } }), 400, 'data.finalScript.scenes.0.text'],
    ['a NUL character in skipReason', json({ stepNumber: 4, data: {}, skipReason: 'x\u0000' }), 400, 'skipReason'],
    ['a 2 MiB body', { payload: big(2 * 1024 * 1024) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['step data just over 1 MiB', { payload: big(1024 * 1024 + 10) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a wrong content-type', { contentType: 'text/plain', payload: '{"stepNumber":3,"data":{}}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a form body', { contentType: 'application/x-www-form-urlencoded', payload: 'stepNumber=3' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown project id', { url: '/api/projects/9b2f6c1e-3d4a-4b5c-8d6e-7f8091a2b3c4/steps', ...json({ stepNumber: 3, data: {} }) }, 404, 'NOT_FOUND'],
    ['an invalid UUID', { url: '/api/projects/not-a-uuid/steps', ...json({ stepNumber: 3, data: {} }) }, 400, 'id'],
  ];

  it.each(cases)('%s is refused with the error body and changes nothing', async (_name, request, status, mention) => {
    const response = await t.app.inject({
      method: 'POST',
      url: request.url ?? `/api/projects/${projectId}/steps`,
      headers: { cookie, 'content-type': request.contentType ?? 'application/json' },
      payload: request.payload,
    });
    expect(response.statusCode).toBe(status);
    const body = response.json() as { error: { code: string; message: string } };
    expect(typeof body.error.message).toBe('string');
    expect(`${body.error.code} ${body.error.message}`).toContain(mention);
    expect(await snapshot()).toBe(before);
  });

  it('refuses bad step numbers in the path and bad skip targets, changing nothing', async () => {
    for (const [url, status] of [
      [`/api/projects/${projectId}/steps/0`, 400],
      [`/api/projects/${projectId}/steps/9`, 400],
      [`/api/projects/${projectId}/steps/3a`, 400],
      [`/api/projects/${projectId}/steps/2.5`, 400],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, url).toBe(status);
    }
    const skip3 = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/steps/3/skip`, headers: { cookie } });
    expect(skip3.statusCode).toBe(409);
    expect(skip3.json().error.code).toBe('STAGE_NOT_SKIPPABLE');
    const skip4 = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/steps/4/skip`, headers: { cookie } });
    expect(skip4.statusCode).toBe(409);
    expect(skip4.json().error.code).toBe('STAGE_NOT_REACHED');
    expect(await snapshot()).toBe(before);
  });

  it('answers 500 without internals when something unexpected breaks', async () => {
    const original = t.context.steps.list.bind(t.context.steps);
    t.context.steps.list = async () => {
      throw new Error('relation "project_steps" does not exist at character 42');
    };
    try {
      const response = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps`, headers: { cookie } });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    } finally {
      t.context.steps.list = original;
    }
  });
});
