import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type NewsSite, startNewsSite } from '../news/testing/news-site.ts';
import { STORIES } from '../news/testing/stories.ts';
import { api, draftsOf, follow, runsOf, setRules } from './testing/factory-fixtures.ts';

async function finished(t: TestApp, cookie: string, id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = (await api<Job>(t, cookie, 'GET', `/api/jobs/${id}`)).body;
    if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

describe.each(DATABASE_KINDS)('content factory jobs on %s', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  beforeAll(async () => {
    site = await startNewsSite({ stories: [STORIES[0]!] });
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey }, jobs: { mode: 'worker' } });
  });
  afterAll(async () => {
    await t?.close();
    await site?.close();
  });

  it('"run now" is one job per author while it runs, and files the drafts', async () => {
    const { cookie } = await signUp(t.app);
    await follow(t, cookie, site.feedUrl);
    await setRules(t, cookie, {});
    const [first, second] = await Promise.all([api<Job>(t, cookie, 'POST', '/api/factory/run'), api<Job>(t, cookie, 'POST', '/api/factory/run')]);
    expect(first.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    const job = await finished(t, cookie, first.body.id);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ filed: 1 });
    expect(await draftsOf(t, cookie)).toHaveLength(1);
    expect((await runsOf(t, cookie))[0]).toMatchObject({ trigger: 'manual', status: 'done' });
  });

  it('the scheduled job queues a run for every author whose factory is on, and only them', async () => {
    const on = await signUp(t.app);
    const off = await signUp(t.app);
    await follow(t, on.cookie, site.feedUrl);
    await follow(t, off.cookie, site.feedUrl);
    await setRules(t, on.cookie, { enabled: true });
    await setRules(t, off.cookie, { enabled: false });
    const { queued } = await t.context.factory.factory.scheduleRuns();
    expect(queued).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 600 && (await runsOf(t, on.cookie)).every((r) => r.status !== 'done'); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await runsOf(t, on.cookie))[0]).toMatchObject({ trigger: 'schedule', status: 'done' });
    expect(await runsOf(t, off.cookie)).toEqual([]);
  });
});
