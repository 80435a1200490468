import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contracts/jobs.ts';
import type { Feed } from '../../../contracts/news.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { type NewsSite, startNewsSite } from '../news/testing/news-site.ts';
import { STORIES } from '../news/testing/stories.ts';

async function waitForJob(t: TestApp, cookie: string, id: string): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = (await t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { cookie } })).json() as Job;
    if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

describe.each(DATABASE_KINDS)('news feeds on %s', (kind) => {
  let t: TestApp;
  let site: NewsSite;
  beforeAll(async () => {
    site = await startNewsSite({ stories: STORIES.slice(0, 3) });
    t = await createTestApp(kind, { env: { FETCH_ALLOW_PRIVATE_HOSTS: site.hostKey }, jobs: { mode: 'worker' } });
  });
  afterAll(async () => {
    await t.close();
    await site.close();
  });

  it('adds a feed after fetching it once, stores its stories scored, and lists it with its status and count', async () => {
    const { cookie } = await signUp(t.app);
    const added = await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.feedUrl } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ url: site.feedUrl, title: 'Eastbrook Courier', siteUrl: site.homeUrl, lastStatus: 'ok', lastError: null, itemCount: 3 });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/feeds', headers: { cookie } })).json() as Feed[];
    expect(listed).toHaveLength(1);
    expect(listed[0]!.lastFetchedAt).not.toBeNull();

    const duplicate = await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.feedUrl } });
    expect(duplicate.statusCode).toBe(409);
    const atom = await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.atomUrl } });
    expect(atom.json()).toMatchObject({ title: 'Eastbrook Courier (Atom)', itemCount: 3 });
  });

  it('refuses a web page and offers the feeds it links to; refuses private addresses with the reason', async () => {
    const { cookie } = await signUp(t.app);
    const page = await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.homeUrl } });
    expect(page.statusCode).toBe(400);
    expect(page.json().error.details).toMatchObject({ reason: 'NOT_A_FEED', discoveredFeeds: [site.feedUrl, site.atomUrl] });
    const metadata = await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: 'http://169.254.169.254/latest/meta-data' } });
    expect(metadata.statusCode).toBe(422);
    expect(metadata.json().error.details.reason).toBe('BLOCKED_ADDRESS');
    expect((await t.app.inject({ method: 'GET', url: '/api/feeds', headers: { cookie } })).json()).toEqual([]);
  });

  it('refreshes through the job queue, deduplicating stories it already has', async () => {
    const { cookie, user } = await signUp(t.app);
    const feed = (await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.feedUrl } })).json() as Feed;
    site.stories = STORIES.slice(0, 4);
    try {
      const refresh = await t.app.inject({ method: 'POST', url: `/api/feeds/${feed.id}/refresh`, headers: { cookie } });
      expect(refresh.statusCode).toBe(202);
      const job = await waitForJob(t, cookie, refresh.json().id);
      expect(job).toMatchObject({ state: 'succeeded', result: { feedId: feed.id, added: 1, status: 'ok' } });
      const again = await waitForJob(t, cookie, (await t.app.inject({ method: 'POST', url: '/api/feeds/refresh', headers: { cookie } })).json()[0].id);
      expect(again.result).toMatchObject({ added: 0 });
      const [listed] = (await t.app.inject({ method: 'GET', url: '/api/feeds', headers: { cookie } })).json() as Feed[];
      expect(listed!.itemCount).toBe(4);
      const all = await t.context.jobs.enqueue({ ownerId: user.id, projectId: null, name: 'feeds.fetch', payload: {} });
      expect(await waitForJob(t, cookie, all.id)).toMatchObject({ state: 'succeeded', result: { feeds: 1, added: 0, failed: 0 } });
      const items = await t.context.database.executeSql('select count(*)::int as n from feed_items where feed_id = $1', [feed.id]);
      expect(items.rows[0]!.n).toBe(4);
    } finally {
      site.stories = STORIES.slice(0, 3);
    }
  });

  it('queues due feeds on the schedule and records a failing feed with its error', async () => {
    const { cookie, user } = await signUp(t.app);
    const feed = (await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.atomUrl } })).json() as Feed;
    await t.context.database.executeSql(`update feeds set last_fetched_at = now() - interval '2 hours', url = $2 where id = $1`, [feed.id, `${site.origin}/gone.xml`]);
    const queued = await t.context.textPipeline.feeds.enqueueDue();
    expect(queued).toBeGreaterThanOrEqual(1);
    let listed: Feed | undefined;
    for (let i = 0; i < 100 && listed?.lastStatus !== 'error'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      listed = ((await t.app.inject({ method: 'GET', url: '/api/feeds', headers: { cookie } })).json() as Feed[])[0];
    }
    expect(listed).toMatchObject({ lastStatus: 'error', itemCount: 3 });
    expect(listed!.lastError).toContain('404');
    const jobs = await t.context.database.executeSql(`select state from jobs where owner_id = $1 and name = 'feeds.fetch'`, [user.id]);
    expect(jobs.rows.length).toBeGreaterThanOrEqual(1);
  });

  it('removes a feed with its stories; another user cannot see or touch it', async () => {
    const { cookie } = await signUp(t.app);
    const feed = (await t.app.inject({ method: 'POST', url: '/api/feeds', headers: { cookie }, payload: { url: site.feedUrl } })).json() as Feed;
    const stranger = await signUp(t.app);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/feeds/${feed.id}`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/feeds/${feed.id}/refresh`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/news', headers: { cookie: stranger.cookie } })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/feeds/${feed.id}`, headers: { cookie } })).statusCode).toBe(204);
    const left = await t.context.database.executeSql('select count(*)::int as n from feed_items where feed_id = $1', [feed.id]);
    expect(left.rows[0]!.n).toBe(0);
  });
});
