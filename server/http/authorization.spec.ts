import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../test/harness.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  secured: boolean;
}

const BOUNDARY = 'matrixboundary';
const IMAGE_UPLOAD = {
  payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--${BOUNDARY}--\r\n`,
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
};

/** Query strings and non-JSON bodies some routes need to be otherwise valid. */
const EXAMPLE_QUERIES: Record<string, string> = { 'POST /api/projects/{id}/assets': '?kind=image', 'GET /api/projects/{id}/storyboard/stock': '?query=sea' };
const RAW_BODIES: Record<string, { payload: string; headers: Record<string, string> }> = { 'POST /api/projects/{id}/assets': IMAGE_UPLOAD };

/** A valid body per route, so the only thing wrong with the request is who sends it. */
const EXAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/projects/{id}/steps': { stepNumber: 3, data: { finalScript: { scenes: [{ id: '1', text: 'x' }] } } },
  'PATCH /api/projects/{id}/steps/{stepNumber}': { data: { a: 1 } },
  'PATCH /api/projects/{id}': { title: 'Mine now' },
  'PATCH /api/projects/{id}/stage': { stage: 1 },
  'POST /api/projects/{id}/steps/{stepNumber}/skip': { reason: 'x' },
  'POST /api/auth/tokens': { name: 'x' },
  'POST /api/projects': { title: 'x' },
  'PUT /api/projects/{id}/voice/boundaries': { boundaries: [{ sceneId: 'a', start: 0, end: 1 }] },
  'POST /api/projects/{id}/source': { sourceType: 'idea', idea: 'An idea', format: 'news' },
  'PUT /api/projects/{id}/script/final': { choices: { s1: { text: 'x' } } },
  'PATCH /api/projects/{id}/storyboard/scenes/{sceneId}': { motion: 'zoom-in' },
  'POST /api/projects/{id}/storyboard/scenes/{sceneId}/stock': { media: 'photo', id: '123' },
  'POST /api/projects/{id}/storyboard/scenes/{sceneId}/article-image': { url: 'https://example.com/a.jpg' },
  'PATCH /api/projects/{id}/storyboard/settings': { captionStyle: { colour: '#ffffff' } },
  'POST /api/projects/{id}/avatar/clip': { avatarId: 'Daisy', source: 'narration' },
  'PATCH /api/projects/{id}/avatar': { placement: 'full' },
  'PUT /api/projects/{id}/publish': { title: 'x', description: 'x', hashtags: ['#xx'] },
  'POST /api/projects/{id}/publications': { platform: 'vk', url: 'https://vk.com/clip-1_2', publishedAt: '2026-05-01' },
  'POST /api/publications/{publicationId}/readings': { views: 1 },
  'POST /api/publications/{publicationId}/readings/csv': { csv: 'read_at,views\n2026-05-02,5\n' },
  'POST /api/projects/{id}/media-source/url': { url: 'https://example.com/clip.mp4' },
  'POST /api/projects/{id}/media-source/transcribe': { assetId: '4f1c2d3e-0000-4000-8000-000000000000' },
};

describe.each(DATABASE_KINDS)('authorization matrix on %s', (kind) => {
  let t: TestApp;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestApp(kind, { jobs: { mode: 'queue' } });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security: unknown[] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase() as Method, path, secured: op.security.length > 0 })),
    );
  });
  afterAll(() => t.close());

  const ids: Record<string, string> = {};
  const urlOf = (path: string, projectId: string, method = 'GET') =>
    path
      .replace('{id}', projectId)
      .replace('{stepNumber}', '4')
      .replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '4f1c2d3e-0000-4000-8000-000000000000') +
    (EXAMPLE_QUERIES[`${method} ${path}`] ?? '');
  const bodyOf = (key: string) => {
    const raw = RAW_BODIES[key];
    if (raw) return { payload: raw.payload, headers: raw.headers };
    const body = EXAMPLE_BODIES[key];
    return { payload: body as object | undefined, headers: {} };
  };

  it('documents the project and step routes this matrix relies on', () => {
    const projectRoutes = operations.filter((o) => o.path.includes('{id}')).map((o) => `${o.method} ${o.path}`);
    expect(projectRoutes).toEqual(
      expect.arrayContaining([
        'GET /api/projects/{id}',
        'PATCH /api/projects/{id}',
        'DELETE /api/projects/{id}',
        'POST /api/projects/{id}/restore',
        'PATCH /api/projects/{id}/stage',
        'GET /api/projects/{id}/steps',
        'POST /api/projects/{id}/steps',
        'GET /api/projects/{id}/steps/{stepNumber}',
        'PATCH /api/projects/{id}/steps/{stepNumber}',
        'POST /api/projects/{id}/steps/{stepNumber}/skip',
      ]),
    );
  });

  it("gives a second user 404 on every route of the first user's project, job, file and token, and changes nothing", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const projectId = await createProject(t.app, owner.cookie, 'Private');
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const file = `${mkdtempSync('/tmp/rf-matrix-')}/a.png`;
    writeFileSync(file, png);
    ids.assetId = (await t.context.assets.storeFile({ ownerId: owner.user.id, projectId, kind: 'image', file, mime: 'image/png', ext: 'png' })).id;
    ids.jobId = (await t.context.jobs.enqueue({ ownerId: owner.user.id, projectId, name: 'script.generate', payload: { projectId } })).id;
    const token = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: owner.cookie }, payload: { name: 'mine' } });
    ids.tokenId = token.json().id;
    ids.version = '1';
    const publication = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/publications`, headers: { cookie: owner.cookie }, payload: { platform: 'tiktok', url: 'https://www.tiktok.com/@me/video/1', publishedAt: '2026-05-01' } });
    ids.publicationId = publication.json().id;
    const reading = await t.app.inject({ method: 'POST', url: `/api/publications/${ids.publicationId}/readings`, headers: { cookie: owner.cookie }, payload: { views: 10 } });
    ids.readingId = reading.json().readings[0].id;
    await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/steps`, headers: { cookie: owner.cookie }, payload: { stepNumber: 4, data: { x: 1 } } });
    await t.app.inject({ method: 'DELETE', url: `/api/projects/${projectId}`, headers: { cookie: owner.cookie } });
    await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/restore`, headers: { cookie: owner.cookie } });
    const before = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps`, headers: { cookie: owner.cookie } })).body;

    for (const operation of operations.filter((o) => /\{(id|jobId|assetId|tokenId|publicationId)\}/.test(o.path))) {
      const key = `${operation.method} ${operation.path}`;
      const body = bodyOf(key);
      const response = await t.app.inject({
        method: operation.method,
        url: urlOf(operation.path, projectId, operation.method),
        headers: { cookie: other.cookie, ...body.headers },
        ...(body.payload ? { payload: body.payload } : {}),
      });
      expect(response.statusCode, key).toBe(404);
      expect(response.json().error.code, key).toBe('NOT_FOUND');
      if (!operation.path.includes('{id}')) continue;
      const missing = await t.app.inject({
        method: operation.method,
        url: urlOf(operation.path, '0b6e3c1d-1111-4222-8333-944455566677', operation.method),
        headers: { cookie: owner.cookie, ...body.headers },
        ...(body.payload ? { payload: body.payload } : {}),
      });
      expect(missing.statusCode, `${key} (missing project)`).toBe(404);
      expect(missing.json().error.message, key).toBe(response.json().error.message);
    }
    const after = await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}`, headers: { cookie: owner.cookie } });
    expect(after.json()).toMatchObject({ title: 'Private', deletedAt: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/steps`, headers: { cookie: owner.cookie } })).body).toBe(before);
    const othersList = await t.app.inject({ method: 'GET', url: '/api/projects', headers: { cookie: other.cookie } });
    expect(othersList.json()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/assets/${ids.assetId}`, headers: { cookie: owner.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${ids.jobId}`, headers: { cookie: owner.cookie } })).json().state).not.toBe('cancelled');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie: owner.cookie } })).json()).toHaveLength(1);
    const performance = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/performance`, headers: { cookie: owner.cookie } })).json();
    expect(performance.publications).toHaveLength(1);
    expect(performance.publications[0].readings).toEqual([expect.objectContaining({ views: 10 })]);
  });

  it('answers 401 without credentials on every secured route, and with a forged cookie', async () => {
    const owner = await signUp(t.app);
    const projectId = await createProject(t.app, owner.cookie);
    const secured = operations.filter((o) => o.secured);
    expect(secured.length).toBeGreaterThan(10);
    for (const operation of secured) {
      const key = `${operation.method} ${operation.path}`;
      const body = bodyOf(key);
      for (const headers of [{}, { cookie: 'rf_session=forged' }, { authorization: 'Bearer rf_forged' }]) {
        const response = await t.app.inject({
          method: operation.method,
          url: urlOf(operation.path, projectId, operation.method),
          headers: { ...headers, ...body.headers },
          ...(body.payload ? { payload: body.payload } : {}),
        });
        expect(response.statusCode, key).toBe(401);
        expect(response.json().error.code, key).toBe('UNAUTHENTICATED');
      }
    }
  });
});
