import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * Local stand-ins for the YouTube Data API v3 and the Instagram Graph API, speaking their
 * documented wire formats, for tests:
 * - YouTube `GET /youtube/v3/videos?part=statistics&id=a,b` with `X-Goog-Api-Key`; statistics
 *   counts as strings; `nextPageToken` when `pageSize` is set smaller than the ids asked; errors as
 *   `{error: {code, message, errors: [{reason, domain}]}}` (403 quotaExceeded / rateLimitExceeded,
 *   400 keyInvalid for an expired key).
 * - Instagram `GET /v23.0/me/media?fields=id,permalink` paged by `paging.next`, and
 *   `GET /v23.0/{media-id}/insights?metric=...` answering `{data: [{name, period, values: [{value}]}]}`;
 *   errors as `{error: {message, type, code, error_subcode, fbtrace_id}}` (190/463 expired token, 4 rate limit).
 * Test support only.
 */

export interface FakeMetricsOptions {
  youtubeKey: string;
  youtubeVideos: Record<string, { viewCount: number; likeCount: number; commentCount: number }>;
  instagramToken: string;
  instagramMedia: Array<{ id: string; permalink: string; insights: Record<string, number> }>;
  /** Media per page of /me/media. */
  instagramPageSize?: number;
  /** Items per page of videos.list (YouTube pages only when fewer than the ids asked). */
  youtubePageSize?: number;
}

export interface FakeMetricsServer {
  url: string;
  youtubeBaseUrl: string;
  instagramBaseUrl: string;
  hostKey: string;
  options: FakeMetricsOptions;
  /** The next `n` requests to a provider are refused with its rate-limit answer. */
  rateLimit: { youtube: number; instagram: number };
  /** Seconds sent in Retry-After with a rate limit (none when undefined). */
  retryAfterSec?: number;
  requests: Array<{ path: string; query: URLSearchParams; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
};

const youtubeError = (res: ServerResponse, status: number, reason: string, message: string, headers: Record<string, string> = {}) =>
  json(res, status, { error: { code: status, message, errors: [{ message, domain: reason === 'keyInvalid' ? 'usageLimits' : 'youtube.quota', reason }] } }, headers);

const graphError = (res: ServerResponse, status: number, code: number, message: string, subcode?: number, headers: Record<string, string> = {}) =>
  json(res, status, { error: { message, type: code === 190 ? 'OAuthException' : 'IGApiException', code, error_subcode: subcode, fbtrace_id: 'AbCdEf123' } }, headers);

export async function startFakeMetricsServer(options: FakeMetricsOptions): Promise<FakeMetricsServer> {
  const state = { rateLimit: { youtube: 0, instagram: 0 }, retryAfterSec: undefined as number | undefined, requests: [] as FakeMetricsServer['requests'] };
  const retryHeaders = (): Record<string, string> => (state.retryAfterSec === undefined ? {} : { 'retry-after': String(state.retryAfterSec) });

  function youtube(url: URL, req: IncomingMessage, res: ServerResponse) {
    if (req.headers['x-goog-api-key'] !== options.youtubeKey) return youtubeError(res, 400, 'keyInvalid', 'API key expired. Please renew the API key.');
    if (state.rateLimit.youtube > 0) {
      state.rateLimit.youtube--;
      return youtubeError(res, 403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your quota.', retryHeaders());
    }
    if (url.pathname !== '/youtube/v3/videos' || url.searchParams.get('part') !== 'statistics') return youtubeError(res, 400, 'invalidPart', 'bad request');
    const ids = (url.searchParams.get('id') ?? '').split(',').filter((id) => id in options.youtubeVideos);
    const size = options.youtubePageSize ?? 50;
    const start = Number(url.searchParams.get('pageToken') ?? '0');
    const items = ids.slice(start, start + size).map((id) => {
      const v = options.youtubeVideos[id]!;
      return { kind: 'youtube#video', etag: 'e', id, statistics: { viewCount: String(v.viewCount), likeCount: String(v.likeCount), favoriteCount: '0', commentCount: String(v.commentCount) } };
    });
    const next = start + size < ids.length ? { nextPageToken: String(start + size) } : {};
    json(res, 200, { kind: 'youtube#videoListResponse', etag: 'e', items, ...next, pageInfo: { totalResults: ids.length, resultsPerPage: items.length } });
  }

  function instagram(url: URL, req: IncomingMessage, res: ServerResponse, base: string) {
    if (req.headers.authorization !== `Bearer ${options.instagramToken}`) {
      return graphError(res, 400, 190, 'Error validating access token: Session has expired on Thursday, 01-Jan-26 00:00:00 PST.', 463);
    }
    if (state.rateLimit.instagram > 0) {
      state.rateLimit.instagram--;
      return graphError(res, 400, 4, 'Application request limit reached', undefined, retryHeaders());
    }
    const path = url.pathname.replace(/^\/v23\.0\//, '');
    if (path === 'me/media') {
      const size = options.instagramPageSize ?? 25;
      const after = Number(url.searchParams.get('after') ?? '0');
      const data = options.instagramMedia.slice(after, after + size).map((m) => ({ id: m.id, permalink: m.permalink }));
      const more = after + size < options.instagramMedia.length;
      return json(res, 200, { data, paging: { cursors: { before: String(after), after: String(after + size) }, ...(more ? { next: `${base}/v23.0/me/media?fields=id,permalink&limit=${size}&after=${after + size}` } : {}) } });
    }
    const insights = path.match(/^(\d+)\/insights$/);
    const media = insights && options.instagramMedia.find((m) => m.id === insights[1]);
    if (!media) return graphError(res, 400, 100, 'Unsupported get request. Object does not exist', 33);
    const metrics = (url.searchParams.get('metric') ?? '').split(',').filter((name) => name in media.insights);
    json(res, 200, {
      data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: media.insights[name] }], title: name, description: '', id: `${media.id}/insights/${name}/lifetime` })),
    });
  }

  let base = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    state.requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    if (url.pathname.startsWith('/youtube/v3/')) return youtube(url, req, res);
    if (url.pathname.startsWith('/v23.0/')) return instagram(url, req, res, base);
    json(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const fake: FakeMetricsServer = {
    url: base,
    youtubeBaseUrl: `${base}/youtube/v3`,
    instagramBaseUrl: `${base}/v23.0`,
    hostKey: `127.0.0.1:${port}`,
    options,
    rateLimit: state.rateLimit,
    get retryAfterSec() {
      return state.retryAfterSec;
    },
    set retryAfterSec(value) {
      state.retryAfterSec = value;
    },
    requests: state.requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
