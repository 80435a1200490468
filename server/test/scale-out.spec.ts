import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderState } from '../../contracts/render-api.ts';
import type { Asset } from '../../contracts/assets.ts';
import { startTestS3Server, type TestS3Server } from '../adapters/storage/testing/s3-server.ts';
import { createAppContext, type AppContext } from '../app-context.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { WorkerRuntime } from '../modules/jobs/worker-runtime.ts';
import { renderApi, SHORT_SCENES } from '../modules/render/testing/render-api.ts';
import { createJobHandlers } from '../worker-handlers.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.ts';
import { signUp, TEST_SESSION_SECRET } from './harness.ts';

type Role = { context: AppContext; app: Awaited<ReturnType<typeof buildApp>>; dataDir: string; handle: DatabaseHandle; worker?: WorkerRuntime };

/** Files anywhere under a folder (recursively); scratch and media must end empty. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function multipart(file: Buffer, filename: string) {
  const boundary = `----rf${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.runIf(DATABASE_KINDS.includes('postgres'))('two API processes and a worker on one PostgreSQL and one S3 bucket', () => {
  let s3: TestS3Server;
  let database: TestDatabase;
  const roles: Role[] = [];

  async function start(role: 'api' | 'worker'): Promise<Role> {
    const dataDir = await mkdtemp(join(tmpdir(), `rf-${role}-`));
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url!,
      SESSION_SECRET: TEST_SESSION_SECRET,
      LOG_LEVEL: 'silent',
      EMBEDDED_WORKER: 'false',
      ...s3.env('reelforge'),
    });
    const handle = await openDatabase({ databaseUrl: database.url!, poolSize: 5 });
    const context = createAppContext(config, handle);
    const app = await buildApp(context, { logger: false, serveWeb: false });
    await app.ready();
    await context.queue.start();
    const started: Role = { context, app, dataDir, handle };
    if (role === 'worker') {
      started.worker = new WorkerRuntime(context.queue, context.repositories.jobs, createJobHandlers(context));
      await started.worker.start();
    }
    roles.push(started);
    return started;
  }

  let apiA: Role;
  let apiB: Role;
  let worker: Role;
  beforeAll(async () => {
    s3 = await startTestS3Server();
    database = await createTestDatabase('postgres');
    apiA = await start('api');
    apiB = await start('api');
    worker = await start('worker');
  });
  afterAll(async () => {
    for (const role of roles) {
      await role.app.close();
      await role.worker?.stop();
      await role.context.queue.stop();
      await role.handle.close();
      await rm(role.dataDir, { recursive: true, force: true });
    }
    await database?.drop();
    await s3?.close();
  });

  it('a video made through one API renders on the worker and downloads, whole and by range, through the other', async () => {
    const { cookie } = await signUp(apiA.app);
    const a = renderApi(apiA.app, cookie);
    const projectId = await a.narratedProject(SHORT_SCENES);
    const job = await a.render(projectId, { quality: 'draft' });
    expect(job.state, job.error ?? '').toBe('succeeded');

    // The other API knows the session (one secret) and serves what the worker stored.
    const b = renderApi(apiB.app, cookie);
    const state = (await b.call('GET', `/api/projects/${projectId}/render`)).body as unknown as RenderState;
    const video = state.outputs!.video;
    const whole = await apiB.app.inject({ method: 'GET', url: video.url, headers: { cookie } });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.length).toBe(video.sizeBytes);
    expect(whole.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const part = await apiB.app.inject({ method: 'GET', url: video.url, headers: { cookie, range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${video.sizeBytes}`);
    expect(part.rawPayload.equals(whole.rawPayload.subarray(100, 200))).toBe(true);
  });

  it('an upload through one API is read through the other, and deleted for both', async () => {
    const { cookie } = await signUp(apiA.app);
    const projectId = (await apiA.app.inject({ method: 'POST', url: '/api/projects', headers: { cookie }, payload: { title: 'Upload' } })).json().id as string;
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const body = multipart(png, 'cover.png');
    const uploaded = await apiA.app.inject({ method: 'POST', url: `/api/projects/${projectId}/assets?kind=image`, headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const asset = uploaded.json() as Asset;
    const read = await apiB.app.inject({ method: 'GET', url: asset.url, headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(png)).toBe(true);
    expect((await apiB.app.inject({ method: 'DELETE', url: `/api/assets/${asset.id}`, headers: { cookie } })).statusCode).toBe(204);
    expect((await apiA.app.inject({ method: 'GET', url: asset.url, headers: { cookie } })).statusCode).toBe(404);
  });

  it('a provider key saved through one API is usable by the other processes', async () => {
    const { cookie, user } = await signUp(apiA.app);
    const saved = await apiA.app.inject({ method: 'PUT', url: '/api/providers/pexels', headers: { cookie }, payload: { apiKey: 'user-key-1' } });
    expect(saved.statusCode).toBe(200);
    expect((await worker.context.credentials.resolve(user.id, 'pexels'))?.apiKey).toBe('user-key-1');
    expect((await apiB.context.credentials.resolve(user.id, 'pexels'))?.apiKey).toBe('user-key-1');
  });

  it('a render whose narration is missing from the store is refused, naming the file', async () => {
    const { cookie, user } = await signUp(apiA.app);
    const a = renderApi(apiA.app, cookie);
    const projectId = await a.narratedProject(SHORT_SCENES);
    const step4 = (await a.step(projectId, 4))!;
    const narrationId = (step4.data as { audio: { assetId: string } }).audio.assetId;
    const { key } = await apiB.context.assets.references.fileOf(user.id, narrationId);
    await apiB.context.mediaStore.remove(key);
    const refused = await a.start(projectId, { quality: 'draft' });
    expect(refused.status).toBe(400);
    expect((refused.body.error as { details: unknown }).details).toEqual({
      issues: [{ path: 'step4.audio.assetId', message: `The narration file of asset ${narrationId} is missing from the media store` }],
    });
  });

  it('leaves no media file on any process\'s own disk', async () => {
    for (const role of roles) {
      expect(await filesUnder(join(role.dataDir, 'media'))).toEqual([]);
      expect(await filesUnder(join(role.dataDir, 'scratch'))).toEqual([]);
    }
  });
});
