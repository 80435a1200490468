import { z } from 'zod';
import type { MetricValues } from '../../../contracts/performance.ts';
import { type Classify, countOf, getJson, MetricsProviderError, type MetricsHttpOptions } from './metrics-http.ts';

/** The parts of `videos.list?part=statistics` we read (YouTube Data API v3); counts are strings. */
const videoListSchema = z.object({
  items: z.array(z.object({ id: z.string(), statistics: z.looseObject({}).optional() })).default([]),
  nextPageToken: z.string().optional(),
});

const errorSchema = z.object({
  error: z.looseObject({
    code: z.number().optional(),
    status: z.string().optional(),
    errors: z.array(z.looseObject({ reason: z.string().optional() })).optional(),
    details: z.array(z.looseObject({ reason: z.string().optional() })).optional(),
  }),
});

const RATE_REASONS = new Set(['quotaExceeded', 'rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const AUTH_REASONS = new Set(['keyInvalid', 'keyExpired', 'authError', 'API_KEY_INVALID', 'API_KEY_EXPIRED', 'forbidden', 'accessNotConfigured']);
/** videos.list takes at most 50 ids per call. */
const IDS_PER_CALL = 50;

const classify: Classify = (status, body) => {
  const parsed = errorSchema.safeParse(body);
  const reasons = parsed.success ? [...(parsed.data.error.errors ?? []), ...(parsed.data.error.details ?? [])].map((e) => e.reason ?? '') : [];
  if (status === 429 || reasons.some((r) => RATE_REASONS.has(r))) return new MetricsProviderError('RATE_LIMITED', 'YouTube: the API quota or rate limit was reached');
  if (status === 401 || reasons.some((r) => AUTH_REASONS.has(r)) || (parsed.success && parsed.data.error.status === 'UNAUTHENTICATED')) {
    return new MetricsProviderError('AUTH', 'YouTube refused the API key (expired, invalid or without the YouTube Data API enabled): save a new key on the Providers page');
  }
  return new MetricsProviderError('FAILED', `YouTube answered with HTTP ${status}`);
};

/** The video id in a YouTube URL (shorts, watch, youtu.be, embed), or null. */
export function youtubeVideoId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^(www|m)\./, '');
  const id = host === 'youtu.be' ? parsed.pathname.slice(1) : host.endsWith('youtube.com') ? (parsed.searchParams.get('v') ?? parsed.pathname.match(/^\/(?:shorts|embed|live)\/([^/]+)/)?.[1]) : null;
  return id && /^[A-Za-z0-9_-]{11}$/.test(id) ? id : null;
}

function valuesOf(statistics: Record<string, unknown> | undefined): MetricValues {
  return { views: countOf(statistics?.viewCount), likes: countOf(statistics?.likeCount), comments: countOf(statistics?.commentCount) };
}

export interface YouTubeOptions extends MetricsHttpOptions {
  apiKey: string;
  /** https://www.googleapis.com/youtube/v3 unless configured otherwise. */
  baseUrl: string;
}

/** YouTube Data API v3 `videos.list?part=statistics&id=...`, the key in the X-Goog-Api-Key header. */
export class YouTubeMetrics {
  constructor(private readonly options: YouTubeOptions) {}

  /** Statistics per video id; ids YouTube does not know are missing from the map. */
  async statistics(ids: string[]): Promise<Map<string, MetricValues>> {
    const found = new Map<string, MetricValues>();
    for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
      let pageToken: string | undefined;
      do {
        const url = new URL('videos', this.options.baseUrl.replace(/\/?$/, '/'));
        url.searchParams.set('part', 'statistics');
        url.searchParams.set('id', ids.slice(start, start + IDS_PER_CALL).join(','));
        url.searchParams.set('maxResults', String(IDS_PER_CALL));
        if (pageToken) url.searchParams.set('pageToken', pageToken);
        const body = videoListSchema.safeParse(await getJson(url, { 'x-goog-api-key': this.options.apiKey }, this.options, classify));
        if (!body.success) throw new MetricsProviderError('FAILED', 'YouTube answered videos.list in an unexpected shape');
        for (const item of body.data.items) found.set(item.id, valuesOf(item.statistics));
        pageToken = body.data.nextPageToken;
      } while (pageToken);
    }
    return found;
  }
}
