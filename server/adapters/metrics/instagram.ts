import { z } from 'zod';
import type { MetricValues } from '../../../contracts/performance.ts';
import { type Classify, countOf, getJson, MetricsProviderError, type MetricsHttpOptions } from './metrics-http.ts';

/** Reels media insights (Instagram Graph API `GET /{media-id}/insights?metric=...`). */
export const REEL_METRICS = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'ig_reels_avg_watch_time'] as const;

const insightsSchema = z.object({
  data: z.array(z.object({ name: z.string(), values: z.array(z.object({ value: z.unknown() })).default([]) })),
});

const mediaPageSchema = z.object({
  data: z.array(z.object({ id: z.string(), permalink: z.string().optional() })),
  paging: z.looseObject({ next: z.string().optional() }).optional(),
});

const errorSchema = z.object({ error: z.looseObject({ code: z.number().optional(), error_subcode: z.number().optional(), type: z.string().optional() }) });

/** Graph API throttling codes: app (4), user (17), page (32), call-rate (613) and Instagram's business use case limits. */
const RATE_CODES = new Set([4, 17, 32, 613, 80002]);
/** Pages of the account's media looked through to find a permalink. */
const MAX_MEDIA_PAGES = 20;

const classify: Classify = (status, body) => {
  const error = errorSchema.safeParse(body).data?.error;
  if (status === 429 || (error?.code !== undefined && RATE_CODES.has(error.code))) return new MetricsProviderError('RATE_LIMITED', 'Instagram: the Graph API rate limit was reached');
  if (error?.code === 190 || error?.type === 'OAuthException' || status === 401) {
    return new MetricsProviderError('AUTH', 'Instagram refused the access token (expired or revoked): save a new token on the Providers page');
  }
  if (error?.code === 100 && error.error_subcode === 33) return new MetricsProviderError('NOT_FOUND', 'Instagram does not know this media (deleted, or not on this account)');
  return new MetricsProviderError('FAILED', `Instagram answered with HTTP ${status}`);
};

/** A permalink compared by its path: /reel/ABC/ and /p/ABC name the same post. */
function shortcode(url: string): string | null {
  try {
    return new URL(url).pathname.match(/^\/(?:[\w.]+\/)?(?:reels?|p|tv)\/([\w-]+)/)?.[1] ?? null;
  } catch {
    return null;
  }
}

export interface InstagramOptions extends MetricsHttpOptions {
  accessToken: string;
  /** https://graph.instagram.com/v23.0 unless configured otherwise. */
  baseUrl: string;
}

/** The Instagram Graph API with an Instagram user access token in the Authorization header. */
export class InstagramMetrics {
  private readonly base: URL;

  constructor(private readonly options: InstagramOptions) {
    this.base = new URL(options.baseUrl.replace(/\/?$/, '/'));
  }

  private get(url: URL) {
    return getJson(url, { authorization: `Bearer ${this.options.accessToken}` }, this.options, classify);
  }

  /**
   * The media id of a post from its permalink, looking through the account's media page by page.
   * A next page is followed only on the configured server; the token never rides in a URL.
   */
  async findMediaId(permalink: string): Promise<string | null> {
    const wanted = shortcode(permalink);
    if (!wanted) return null;
    let url: URL | null = new URL('me/media', this.base);
    url.searchParams.set('fields', 'id,permalink');
    url.searchParams.set('limit', '50');
    for (let page = 0; url && page < MAX_MEDIA_PAGES; page++) {
      const body = mediaPageSchema.safeParse(await this.get(url));
      if (!body.success) throw new MetricsProviderError('FAILED', 'Instagram answered the media list in an unexpected shape');
      const match = body.data.data.find((media) => media.permalink && shortcode(media.permalink) === wanted);
      if (match) return match.id;
      url = this.nextPage(body.data.paging?.next);
    }
    return null;
  }

  private nextPage(next: string | undefined): URL | null {
    if (!next) return null;
    const url = new URL(next, this.base);
    if (url.origin !== this.base.origin || !url.pathname.startsWith(this.base.pathname.replace(/[^/]*$/, ''))) return null;
    url.searchParams.delete('access_token');
    return url;
  }

  /** A Reel's lifetime insights; metrics Instagram leaves out stay unset. */
  async reelInsights(mediaId: string, videoDurationSec?: number | null): Promise<MetricValues> {
    if (!/^\d{1,30}$/.test(mediaId)) throw new MetricsProviderError('NOT_FOUND', 'Instagram media ids are numbers');
    const url = new URL(`${mediaId}/insights`, this.base);
    url.searchParams.set('metric', REEL_METRICS.join(','));
    const body = insightsSchema.safeParse(await this.get(url));
    if (!body.success) throw new MetricsProviderError('FAILED', 'Instagram answered the insights in an unexpected shape');
    const value = (name: string) => countOf(body.data.data.find((m) => m.name === name)?.values[0]?.value);
    const avgWatchMs = value('ig_reels_avg_watch_time');
    const avgWatchSec = avgWatchMs === undefined ? undefined : avgWatchMs / 1000;
    return {
      views: value('views'),
      reach: value('reach'),
      likes: value('likes'),
      comments: value('comments'),
      shares: value('shares'),
      saves: value('saved'),
      avgWatchSec,
      watchRatio: avgWatchSec !== undefined && videoDurationSec ? Math.round((avgWatchSec / videoDurationSec) * 1000) / 1000 : undefined,
    };
  }
}
