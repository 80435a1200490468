import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectPerformance, Publication } from '../../../contracts/performance.ts';
import { type FakeMetricsServer, startFakeMetricsServer } from '../../adapters/metrics/testing/fake-metrics-server.ts';
import { DATABASE_KINDS } from '../../test/databases.ts';
import { createProject, createTestApp, signUp, type TestApp } from '../../test/harness.ts';
import { createJobHandlers } from '../../worker-handlers.ts';

describe.each(DATABASE_KINDS)('scheduled metric refresh from YouTube and Instagram on %s', (kind) => {
  let t: TestApp;
  let fake: FakeMetricsServer;
  let now = new Date('2026-06-01T12:00:00Z');
  beforeAll(async () => {
    fake = await startFakeMetricsServer({
      youtubeKey: 'yt-key',
      youtubeVideos: { abcDEF12345: { viewCount: 4200, likeCount: 310, commentCount: 12 } },
      instagramToken: 'ig-token',
      instagramMedia: Array.from({ length: 8 }, (_, i) => ({
        id: `1790000000000${i}`,
        permalink: `https://www.instagram.com/reel/CODE${i}/`,
        insights: { views: 1000 + i, reach: 800, likes: 50, comments: 5, shares: 7, saved: 3, ig_reels_avg_watch_time: 6000 },
      })),
      instagramPageSize: 3,
    });
    fake.retryAfterSec = 0;
    t = await createTestApp(kind, {
      clock: { now: () => now },
      env: { YOUTUBE_BASE_URL: fake.youtubeBaseUrl, INSTAGRAM_BASE_URL: fake.instagramBaseUrl, FETCH_ALLOW_PRIVATE_HOSTS: fake.hostKey },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const author = async (keys: { youtube?: string; instagram?: string }) => {
    const { cookie } = await signUp(t.app);
    for (const [provider, apiKey] of Object.entries(keys)) {
      expect((await t.app.inject({ method: 'PUT', url: `/api/providers/${provider}`, headers: { cookie }, payload: { apiKey } })).statusCode).toBe(200);
    }
    const projectId = await createProject(t.app, cookie);
    const publish = async (platform: string, url: string) =>
      (await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/publications`, headers: { cookie }, payload: { platform, url, publishedAt: '2026-05-30' } })).json() as Publication;
    const state = async () => (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/performance`, headers: { cookie } })).json() as ProjectPerformance;
    return { publish, state };
  };

  it('stores readings with the author’s key, finds a Reel across pages, skips without credentials, backs off on an expired token and a rate limit', async () => {
    const withKeys = await author({ youtube: 'yt-key', instagram: 'ig-token' });
    await withKeys.publish('youtube', 'https://www.youtube.com/shorts/abcDEF12345');
    await withKeys.publish('youtube', 'https://www.youtube.com/shorts/zzzzzzzzzzz');
    await withKeys.publish('instagram', 'https://www.instagram.com/reel/CODE7/');
    const without = await author({});
    await without.publish('youtube', 'https://youtu.be/abcDEF12345');
    const expired = await author({ instagram: 'expired-token' });
    await expired.publish('instagram', 'https://www.instagram.com/reel/CODE1/');

    const summary = await createJobHandlers(t.context)['metrics.refresh']!({ jobId: 'x', ownerId: null, projectId: null, payload: {}, signal: new AbortController().signal, progress: () => {} });
    expect(summary).toEqual({ refreshed: 2, skipped: 1, failed: 2 });

    const mine = (await withKeys.state()).publications;
    expect(mine.map((p) => [p.refreshStatus, p.readings.length])).toEqual([
      ['ok', 1],
      ['not-found', 0],
      ['ok', 1],
    ]);
    expect(mine[0]!.readings[0]).toMatchObject({ source: 'youtube', views: 4200, likes: 310, comments: 12 });
    expect(mine[2]!.readings[0]).toMatchObject({ source: 'instagram', views: 1007, reach: 800, saves: 3, avgWatchSec: 6 });
    expect(fake.requests.filter((r) => r.path === '/v23.0/me/media').map((r) => r.query.get('after'))).toContain('6');

    expect((await without.state()).publications[0]).toMatchObject({ refreshStatus: 'no-credentials', refreshError: null, readings: [] });
    const refused = (await expired.state()).publications[0]!;
    expect(refused.refreshStatus).toBe('auth-failed');
    expect(refused.refreshError).toMatch(/expired or revoked.*Providers page/);
    expect(refused.refreshError).not.toMatch(/Session has expired/);

    // Nothing is due again until its time: success after METRICS_REFRESH_MINUTES, failures after a backoff.
    expect(await t.context.metricRefresher.refreshDue()).toEqual({ refreshed: 0, skipped: 0, failed: 0 });

    now = new Date(now.getTime() + 7 * 3600_000);
    fake.rateLimit.youtube = 100;
    const second = await t.context.metricRefresher.refreshDue();
    expect(second.refreshed).toBe(1);
    const after = (await withKeys.state()).publications;
    expect(after[0]).toMatchObject({ refreshStatus: 'rate-limited', readings: [expect.objectContaining({ views: 4200 })] });
    expect(after[2]!.readings).toHaveLength(2);
    // Three attempts (with backoff) per videos.list before giving up for this run.
    expect(100 - fake.rateLimit.youtube).toBe(3);

    fake.rateLimit.youtube = 0;
    now = new Date(now.getTime() + 10 * 60_000);
    expect((await t.context.metricRefresher.refreshDue()).refreshed).toBe(0);
    now = new Date(now.getTime() + 10 * 60_000);
    await t.context.metricRefresher.refreshDue();
    expect((await withKeys.state()).publications[0]).toMatchObject({ refreshStatus: 'ok', readings: [expect.anything(), expect.anything()] });
  });
});
