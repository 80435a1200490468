import type { z } from 'zod';
import type { StockItem, StockMedia } from '../../../contracts/storyboard-api.ts';
import { pexelsPhotoSchema, pexelsPhotoSearchSchema, pexelsVideoSchema, pexelsVideoSearchSchema } from './pexels-schemas.ts';
import type { PexelsPhoto, PexelsVideo } from './pexels-schemas.ts';
import { pickPhotoUrl, pickVideoFile } from './pick-media.ts';
import type { Frame } from './pick-media.ts';
import { StockError } from './types.ts';
import type { StockDownload, StockProvider, StockSearchPage, StockSearchRequest } from './types.ts';
import { createPinnedFetch } from '../http/pinned-fetch.ts';

export interface PexelsOptions {
  apiKey: string;
  /** https://api.pexels.com unless configured otherwise. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function photoItem(photo: PexelsPhoto): StockItem {
  return {
    provider: 'pexels',
    id: String(photo.id),
    media: 'photo',
    width: photo.width,
    height: photo.height,
    thumbnailUrl: photo.src.medium ?? photo.src.small ?? photo.src.tiny ?? photo.src.original,
    author: photo.photographer,
    authorUrl: photo.photographer_url ?? null,
    sourceUrl: photo.url,
    durationSec: null,
    alt: photo.alt || null,
  };
}

export function videoItem(video: PexelsVideo): StockItem {
  return {
    provider: 'pexels',
    id: String(video.id),
    media: 'video',
    width: video.width,
    height: video.height,
    thumbnailUrl: video.image ?? video.video_pictures?.[0]?.picture ?? '',
    author: video.user.name,
    authorUrl: video.user.url ?? null,
    sourceUrl: video.url,
    durationSec: video.duration ?? null,
    alt: null,
  };
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header && Number.isFinite(Number(header))) return Number(header);
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.round(reset - Date.now() / 1000)) : undefined;
}

/**
 * Pexels photos and videos: `GET /v1/search`, `GET /videos/search`, `GET /v1/photos/:id`,
 * `GET /videos/videos/:id`, the key in the Authorization header.
 */
export class PexelsProvider implements StockProvider {
  readonly id = 'pexels' as const;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PexelsOptions) {
    this.fetch = options.fetch ?? createPinnedFetch();
  }

  private async get<T>(path: string, params: Record<string, string | number | undefined>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const url = new URL(path, this.options.baseUrl.replace(/\/?$/, '/'));
    for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, String(value));
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(url, {
        headers: { authorization: this.options.apiKey, accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted) throw new StockError(`Pexels did not answer within ${timeoutMs / 1000} s`, 'timeout');
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new StockError(`Pexels could not be reached at ${url.origin}: ${cause}`, 'network');
    }
    const text = await response.text();
    if (!response.ok) throw statusError(response);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StockError('Pexels answered with something that is not JSON', 'bad-response', response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StockError(`Pexels answered in an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`, 'bad-response', response.status);
    }
    return parsed.data;
  }

  async search(request: StockSearchRequest): Promise<StockSearchPage> {
    const params = { query: request.query, orientation: request.orientation, page: request.page, per_page: request.perPage, locale: request.locale };
    if (request.media === 'photo') {
      const body = await this.get('v1/search', params, pexelsPhotoSearchSchema, request.signal);
      return { page: body.page, totalResults: body.total_results, hasMore: Boolean(body.next_page), items: body.photos.map(photoItem) };
    }
    const body = await this.get('videos/search', params, pexelsVideoSearchSchema, request.signal);
    const items = body.videos.filter((video) => pickVideoFile(video.video_files, video) !== null).map(videoItem);
    return { page: body.page, totalResults: body.total_results, hasMore: Boolean(body.next_page), items };
  }

  async download(media: StockMedia, id: string, frame: Frame, signal?: AbortSignal): Promise<StockDownload> {
    if (media === 'photo') {
      const photo = await this.get(`v1/photos/${encodeURIComponent(id)}`, {}, pexelsPhotoSchema, signal);
      const picked = pickPhotoUrl(photo, frame);
      return { item: photoItem(photo), url: picked.url, fileType: null, width: picked.width, height: picked.height };
    }
    const video = await this.get(`videos/videos/${encodeURIComponent(id)}`, {}, pexelsVideoSchema, signal);
    const file = pickVideoFile(video.video_files, frame);
    if (!file) throw new StockError(`Pexels offers no MP4 file for video ${id}`, 'bad-response');
    return { item: videoItem(video), url: file.link, fileType: file.file_type ?? null, width: file.width ?? null, height: file.height ?? null };
  }
}

/** The status decides the error; what Pexels wrote in the body never reaches a user. */
function statusError(response: Response): StockError {
  const { status } = response;
  if (status === 401 || status === 403) return new StockError(`Pexels refused the API key (HTTP ${status}): check the key in the provider settings`, 'auth', status);
  if (status === 429) {
    return new StockError('Pexels is rate limiting requests (the hourly or monthly quota is used up); try again later', 'rate-limit', status, retryAfter(response));
  }
  if (status === 404) return new StockError('Pexels does not have this item (any more)', 'not-found', status);
  if (status >= 500) return new StockError(`Pexels failed (HTTP ${status}); try again later`, 'server', status);
  return new StockError(`Pexels refused the request (HTTP ${status})`, 'request', status);
}
