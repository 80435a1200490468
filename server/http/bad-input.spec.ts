import { TEST_SESSION_SECRET } from '../test/harness.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../app-context.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { runFfmpeg } from '../adapters/ffmpeg/run.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases.ts';
import { snapshotDatabase } from '../test/db-snapshot.ts';
import { createProject, signUp } from '../test/harness.ts';

describe.each(DATABASE_KINDS)('bad input that used to be a 500, on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let cookie: string;
  let projectId: string;
  const serverErrors: Error[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rf-bad-input-'));
    const webDir = join(dataDir, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    database = await createTestDatabase(kind);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: database.url ?? '', SESSION_SECRET: TEST_SESSION_SECRET });
    app = await buildApp(createAppContext(config, database.handle), { logger: false, serveWeb: true, webDir });
    // Every error that reaches the error handler, including ones raised after the response began.
    app.addHook('onError', async (_request, _reply, error) => void serverErrors.push(error));
    await app.listen({ port: 0, host: '127.0.0.1' });
    ({ cookie } = await signUp(app));
    projectId = await createProject(app, cookie);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const json = { 'content-type': 'application/json' };
  const multipart = 'multipart/form-data; boundary=xyz';
  const cases: Array<[string, { method: 'GET' | 'POST'; url: () => string; headers?: Record<string, string>; payload?: string }, number, string]> = [
    ['a lone surrogate in a JSON string', { method: 'POST', url: () => '/api/projects', headers: json, payload: '{"title":"a\\ud800b"}' }, 400, 'title: must not contain a lone UTF-16 surrogate'],
    ['a lone low surrogate in step data', { method: 'POST', url: () => `/api/projects/${projectId}/steps`, headers: json, payload: '{"stepNumber":1,"data":{"x":["\\udc00"]}}' }, 400, 'data.x.0'],
    ['a lone surrogate in a key', { method: 'POST', url: () => `/api/projects/${projectId}/steps`, headers: json, payload: '{"stepNumber":1,"data":{"\\ud800":1}}' }, 400, 'key must not contain a lone UTF-16 surrogate'],
    ['JSON nested 20,000 deep', { method: 'POST', url: () => `/api/projects/${projectId}/steps`, headers: json, payload: `{"stepNumber":1,"data":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}` }, 400, 'more than 64 levels deep'],
    ['JSON arrays nested 20,000 deep', { method: 'POST', url: () => '/api/projects', headers: json, payload: `{"title":${'['.repeat(20_000)}${']'.repeat(20_000)}}` }, 400, 'more than 64 levels deep'],
    ['NUL in a query string', { method: 'GET', url: () => `/api/projects/${projectId}/assets?kind=a%00b` }, 400, 'query.kind: must not contain the NUL character'],
    ['a multipart body cut short', { method: 'POST', url: () => `/api/projects/${projectId}/assets?kind=image`, headers: { 'content-type': multipart }, payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc' }, 400, 'multipart/form-data body could not be read'],
    ['a multipart body without a boundary', { method: 'POST', url: () => `/api/projects/${projectId}/assets?kind=image`, headers: { 'content-type': 'multipart/form-data' }, payload: 'x' }, 400, 'Boundary not found'],
    ['a path the file sender refuses', { method: 'GET', url: () => '/..%2f..%2fetc/passwd' }, 404, 'No such file'],
    ['NUL in a static file path', { method: 'GET', url: () => '/assets/%00' }, 400, 'VALIDATION_FAILED'],
    ['a URL that is not valid percent-encoding', { method: 'GET', url: () => '/api/projects/%ZZ' }, 400, 'is not a valid url component'],
  ];

  it.each(cases)('%s is a clear 4xx and stores nothing', async (_name, request, status, mention) => {
    const before = await snapshotDatabase(database.handle);
    const response = await app.inject({ method: request.method, url: request.url(), headers: { cookie, ...request.headers }, payload: request.payload });
    expect(response.statusCode).toBe(status);
    const body = response.json() as { error: { code: string; message: string } };
    expect(`${body.error.code} ${body.error.message}`).toContain(mention);
    expect(await snapshotDatabase(database.handle)).toBe(before);
  });

  it('serves %2e%2e segments on the static route as the app page, never a file outside it', async () => {
    for (const url of ['/%2e%2e/%2e%2e/etc/passwd', '/assets/%2e%2e/%2e%2e/package.json']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>app</title>');
    }
  });

  it('video Range requests, including ones the client abandons, log no error and no listener warning', async () => {
    const video = join(dataDir, 'clip.mp4');
    await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '8', '-pix_fmt', 'yuv420p', '-y', video]);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(video)]), 'clip.mp4');
    const address = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const upload = await fetch(`${base}/api/projects/${projectId}/assets?kind=video`, { method: 'POST', headers: { cookie }, body: form });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning);
    process.on('warning', onWarning);
    serverErrors.length = 0;
    // A browser seeking in a video asks for a range, reads a little, and hangs up.
    const get = (range: string, hangUp: boolean) =>
      new Promise<number>((resolve) => {
        const req = httpRequest(`${base}/api/assets/${id}/content`, { headers: { cookie, range } }, (res) => {
          res.once('data', () => (hangUp ? req.destroy() : undefined));
          res.on('data', () => {});
          res.on('close', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', () => resolve(-1));
        req.end();
      });
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => get(`bytes=${i * 1000}-`, i % 2 === 0)));
    expect(statuses.every((s) => s === 206)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.off('warning', onWarning);
    expect(serverErrors.map((e) => e.message)).toEqual([]);
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    expect(await get('bytes=99999999-', false)).toBe(416);
  });
});
