import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localFetch } from '../http/testing/local-fetch.ts';
import { InstagramMetrics } from './instagram.ts';
import { MetricsProviderError } from './metrics-http.ts';
import { type FakeMetricsServer, startFakeMetricsServer } from './testing/fake-metrics-server.ts';
import { YouTubeMetrics, youtubeVideoId } from './youtube.ts';

let fake: FakeMetricsServer;
const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);

const ids = Array.from({ length: 53 }, (_, i) => `vid${String(i).padStart(8, '0')}`);

beforeAll(async () => {
  fake = await startFakeMetricsServer({
    youtubeKey: 'yt-key',
    youtubeVideos: Object.fromEntries(ids.map((id, i) => [id, { viewCount: 1000 + i, likeCount: 10 + i, commentCount: i }])),
    instagramToken: 'ig-token',
    instagramMedia: Array.from({ length: 7 }, (_, i) => ({
      id: `1790000000000${i}`,
      permalink: `https://www.instagram.com/reel/CODE${i}/`,
      insights: { views: 500 * (i + 1), reach: 400 * (i + 1), likes: 30 + i, comments: 4, shares: 6, saved: 9, total_interactions: 49, ig_reels_avg_watch_time: 7500 },
    })),
    instagramPageSize: 3,
    youtubePageSize: 20,
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  waits.length = 0;
  fake.rateLimit.youtube = 0;
  fake.rateLimit.instagram = 0;
  fake.retryAfterSec = undefined;
});

const youtube = (apiKey = 'yt-key') => new YouTubeMetrics({ apiKey, baseUrl: fake.youtubeBaseUrl, fetch: localFetch(fake.url), sleep });
const instagram = (accessToken = 'ig-token') => new InstagramMetrics({ accessToken, baseUrl: fake.instagramBaseUrl, fetch: localFetch(fake.url), sleep });

describe('YouTube Data API v3 statistics', () => {
  it('reads every id in batches of 50, following nextPageToken, the key only in a header', async () => {
    const before = fake.requests.length;
    const stats = await youtube().statistics(ids);
    expect(stats.size).toBe(53);
    expect(stats.get('vid00000052')).toEqual({ views: 1052, likes: 62, comments: 52 });
    const calls = fake.requests.slice(before);
    expect(calls.map((c) => c.query.get('id')!.split(',').length)).toEqual([50, 50, 50, 3]);
    expect(calls.map((c) => c.query.get('pageToken'))).toEqual([null, '20', '40', null]);
    expect(calls.every((c) => c.headers['x-goog-api-key'] === 'yt-key' && !c.query.has('key'))).toBe(true);
  });

  it('an expired key is an AUTH error that says what to do, with nothing of the upstream text', async () => {
    const error = await youtube('old-key').statistics(['vid00000001']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricsProviderError);
    expect(error).toMatchObject({ code: 'AUTH' });
    expect((error as Error).message).not.toContain('renew');
  });

  it('backs off on a rate limit (Retry-After, else doubling) and gives up after three attempts', async () => {
    fake.rateLimit.youtube = 2;
    expect((await youtube().statistics(['vid00000003'])).get('vid00000003')?.views).toBe(1003);
    expect(waits).toEqual([1000, 2000]);
    waits.length = 0;
    fake.rateLimit.youtube = 5;
    fake.retryAfterSec = 2;
    await expect(youtube().statistics(['vid00000003'])).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSec: 2 });
    expect(waits).toEqual([2000, 2000]);
  });

  it('finds the id in shorts, watch and youtu.be links', () => {
    expect(youtubeVideoId('https://www.youtube.com/shorts/abcDEF12345')).toBe('abcDEF12345');
    expect(youtubeVideoId('https://youtube.com/watch?v=abcDEF12345&t=3')).toBe('abcDEF12345');
    expect(youtubeVideoId('https://youtu.be/abcDEF12345')).toBe('abcDEF12345');
    expect(youtubeVideoId('https://vimeo.com/abcDEF12345')).toBeNull();
  });
});

describe('Instagram Graph API Reels insights', () => {
  it('finds a media id through the paged media list and reads its insights', async () => {
    const before = fake.requests.length;
    const id = await instagram().findMediaId('https://www.instagram.com/reel/CODE6/?igsh=x');
    expect(id).toBe('17900000000006');
    const pages = fake.requests.slice(before);
    expect(pages.map((p) => p.query.get('after'))).toEqual([null, '3', '6']);
    expect(pages.every((p) => p.headers.authorization === 'Bearer ig-token' && !p.query.has('access_token'))).toBe(true);
    const values = await instagram().reelInsights(id!, 15);
    expect(values).toEqual({ views: 3500, reach: 2800, likes: 36, comments: 4, shares: 6, saves: 9, avgWatchSec: 7.5, watchRatio: 0.5 });
    expect(fake.requests.at(-1)!.query.get('metric')).toContain('ig_reels_avg_watch_time');
  });

  it('an unknown permalink is null after the last page', async () => {
    expect(await instagram().findMediaId('https://www.instagram.com/reel/NOPE/')).toBeNull();
  });

  it('an expired token (code 190) is AUTH; a rate limit (code 4) is retried with backoff', async () => {
    await expect(instagram('expired').reelInsights('17900000000001')).rejects.toMatchObject({ code: 'AUTH' });
    fake.rateLimit.instagram = 1;
    expect((await instagram().reelInsights('17900000000001')).views).toBe(1000);
    expect(waits).toEqual([1000]);
  });

  it('a media id the account does not have is NOT_FOUND', async () => {
    await expect(instagram().reelInsights('123')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
