import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../../contracts/batch.ts';
import type { LibraryEntry } from '../../../contracts/library.ts';
import type { NewsPage } from '../../../contracts/news.ts';
import type { Project } from '../../../contracts/projects.ts';
import type { RenderState } from '../../../contracts/render-api.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import type { JobHandlers } from '../jobs/job-handlers.ts';
import { WorkerRuntime } from '../jobs/worker-runtime.ts';
import { createJobHandlers } from '../../worker-handlers.ts';
import { type NewsSite, startNewsSite } from '../news/testing/news-site.ts';

const SHORT_SCRIPT = {
  language: 'en',
  format: 'news',
  scenes: [{ text: 'Eastbrook opened its tram line on Monday.' }, { text: 'Nine thousand people rode it.' }, { text: 'Follow for more.' }],
};

describe.each(DATABASE_KINDS)('batch production over the API (%s)', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  let worker: WorkerRuntime;
  let cookie: string;
  /** Runs just before each batch.run job: lets a test change the world between creating a batch and making it. */
  let beforeBatchRun = async () => {};

  beforeAll(async () => {
    site = await startNewsSite();
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey }, jobs: { mode: 'queue' } });
    const handlers = createJobHandlers(t.context);
    const wrapped: JobHandlers = { ...handlers, 'batch.run': async (ctx) => (await beforeBatchRun(), handlers['batch.run']!(ctx)) };
    worker = new WorkerRuntime(t.context.queue, t.context.repositories.jobs, wrapped, { heartbeatSec: 0.3 });
    await worker.start();
    cookie = (await signUp(t.app)).cookie;
    await call('POST', '/api/feeds', { url: site.feedUrl });
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
    await site.close();
  });

  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, as = cookie) {
    const response = await t.app.inject({ method, url, headers: { cookie: as }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? (response.json() as Record<string, unknown> & { error?: { message: string; details?: unknown } }) : {} };
  }
  const save = async (title: string) => (await call('POST', '/api/library', { title, script: SHORT_SCRIPT })).body as unknown as LibraryEntry;
  const batchCount = async () => Number((await t.context.database.executeSql('select count(*) as n from batches')).rows[0]!.n);

  async function finished(batchId: string): Promise<Batch> {
    for (;;) {
      const batch = (await call('GET', `/api/batches/${batchId}`)).body as unknown as Batch;
      if (batch.finished) return batch;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('makes a project from each news item and library script, continuing past one that fails', async () => {
    const news = ((await call('GET', '/api/news?q=tram')).body as unknown as NewsPage).items;
    expect(news.length).toBeGreaterThan(0);
    const [kept, removed] = [await save('Tram script'), await save('Soon deleted')];
    beforeBatchRun = async () => void (await call('DELETE', `/api/library/${removed.id}`));
    const created = await call('POST', '/api/batches', {
      items: [{ kind: 'news', newsItemId: news[0]!.id }, { kind: 'library', entryId: removed.id }, { kind: 'library', entryId: kept.id, version: 1 }],
      format: 'explainer',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((created.body as unknown as Batch).items.map((i) => i.label)).toEqual([news[0]!.title, 'Soon deleted', 'Tram script (v1)']);

    const batch = await finished(created.body.id as string);
    beforeBatchRun = async () => {};
    expect(batch.items.map((i) => i.state)).toEqual(['done', 'failed', 'done']);
    expect(batch.items[1]!.error).toMatch(/library script not found/i);
    expect(batch.counts).toEqual({ waiting: 0, making: 0, done: 2, failed: 1 });
    const project = async (id: string | null) => (await call('GET', `/api/projects/${id}`)).body as unknown as Project;
    const fromNews = await project(batch.items[0]!.projectId);
    expect(fromNews).toMatchObject({ title: news[0]!.title, currentStage: 2 });
    const steps = (await call('GET', `/api/projects/${fromNews.id}/steps`)).body as unknown as Array<{ stepNumber: number; data: Record<string, unknown> }>;
    expect(steps.find((s) => s.stepNumber === 1)?.data).toMatchObject({ sourceType: 'news', newsItemId: news[0]!.id, format: 'explainer' });
    expect(await project(batch.items[2]!.projectId)).toMatchObject({ title: 'Tram script', currentStage: 4 });

    const stranger = await signUp(t.app);
    expect((await call('GET', `/api/batches/${batch.id}`, undefined, stranger.cookie)).status).toBe(404);
  });

  it('refuses bad input with a 4xx naming the item, and stores no batch', async () => {
    const before = await batchCount();
    const entry = await save('Real one');
    const missing = await call('POST', '/api/batches', { items: [{ kind: 'library', entryId: entry.id }, { kind: 'news', newsItemId: '00000000-0000-4000-8000-000000000000' }] });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toContain('items.1.newsItemId: no such news item');
    const badVersion = await call('POST', '/api/batches', { items: [{ kind: 'library', entryId: entry.id, version: 7 }] });
    expect(badVersion.body.error?.message).toContain('items.0.version');
    for (const payload of [{ items: [] }, { items: [{ kind: 'video', id: 'x' }] }, { items: [{ kind: 'library', entryId: entry.id }], aspect: '4:3' }, { items: Array(51).fill({ kind: 'library', entryId: entry.id }) }]) {
      expect((await call('POST', '/api/batches', payload)).status).toBe(400);
    }
    const stranger = await signUp(t.app);
    expect((await call('POST', '/api/batches', { items: [{ kind: 'library', entryId: entry.id }] }, stranger.cookie)).status).toBe(404);
    expect(await batchCount()).toBe(before);
  });

  it('with makeVideo, each project goes on to a rendered video and the batch shows it making, then done', async () => {
    const entry = await save('Tram video');
    const created = await call('POST', '/api/batches', { items: [{ kind: 'library', entryId: entry.id }], makeVideo: true, quality: 'draft', aspect: '1:1' });
    expect(created.status).toBe(201);
    const states = new Set<string>();
    let batch = created.body as unknown as Batch;
    while (!batch.finished) {
      batch.items.forEach((i) => states.add(i.state));
      await new Promise((resolve) => setTimeout(resolve, 200));
      batch = (await call('GET', `/api/batches/${batch.id}`)).body as unknown as Batch;
    }
    expect(batch.items[0], JSON.stringify(batch.items[0])).toMatchObject({ state: 'done', progress: 1 });
    expect(states.has('making')).toBe(true);
    const render = (await call('GET', `/api/projects/${batch.items[0]!.projectId}/render`)).body as unknown as RenderState;
    expect(render.outputs?.video.sizeBytes).toBeGreaterThan(10_000);
    expect((await call('GET', `/api/projects/${batch.items[0]!.projectId}`)).body).toMatchObject({ currentStage: 7 });
  }, 600_000);
});
