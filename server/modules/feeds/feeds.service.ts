import type { Job } from '../../../contracts/jobs.ts';
import type { Feed } from '../../../contracts/news.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { SafeFetchOptions, SafeFetchResponse } from '../../adapters/http/safe-fetch.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import { PermanentJobError } from '../jobs/job-handlers.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { itemsToStore } from './feed-ingest.ts';
import { FeedError, type ParsedFeed } from './feed-types.ts';
import type { FeedRow, FeedsRepository } from './feeds.repository.ts';
import { fetchFeed } from './fetch-feed.ts';

export interface FeedsDeps {
  fetchOptions: SafeFetchOptions;
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeFetchResponse>;
  clock: Clock;
  /** A feed is due for a scheduled refresh when its last fetch is older than this. */
  refreshMinutes: number;
}

export function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.siteUrl,
    lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
    lastStatus: row.lastStatus === 'ok' || row.lastStatus === 'error' ? row.lastStatus : null,
    lastError: row.lastError,
    itemCount: row.itemCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A feed that could not be added, as an API error naming the url field and the reason. */
export function feedFailure(error: unknown): unknown {
  if (!(error instanceof FeedError)) return error;
  const reason = error.details.fetchCode ?? error.code;
  if (error.code === 'FETCH_FAILED' && reason !== 'BAD_URL') {
    return new AppError('FETCH_FAILED', `The feed could not be fetched: ${error.message}`, { reason });
  }
  return new AppError('VALIDATION_FAILED', `url: ${error.message}`, {
    reason,
    issues: [{ path: 'url', message: error.message }],
    ...(error.details.discoveredFeeds ? { discoveredFeeds: error.details.discoveredFeeds } : {}),
  });
}

const feedJobKey = (feedId: string) => `feeds.fetch:${feedId}`;

/** Per-user RSS/Atom feeds: added after one successful fetch, refreshed on demand and on a schedule. */
export class FeedsService {
  constructor(
    private readonly feeds: FeedsRepository,
    private readonly jobs: JobsService,
    private readonly deps: FeedsDeps,
  ) {}

  async list(user: AuthContext): Promise<Feed[]> {
    return (await this.feeds.listForOwner(user.userId)).map(toFeed);
  }

  /** Fetches the URL once: a page that is not a feed is refused with the feeds it links to. */
  async add(user: AuthContext, url: string): Promise<Feed> {
    const fetched = await fetchFeed(url, { fetch: this.deps.fetch, fetchOptions: this.deps.fetchOptions }).catch((error: unknown) => {
      throw feedFailure(error);
    });
    const duplicate = (await this.feeds.findByUrl(user.userId, fetched.url)) ?? (await this.feeds.findByUrl(user.userId, url));
    const row = duplicate ? null : await this.feeds.insert(user.userId, fetched.url, fetched.feed.title || null, fetched.feed.link);
    if (!row) throw new AppError('CONFLICT', `You already follow this feed (${fetched.url})`, { reason: 'DUPLICATE_FEED' });
    return toFeed(await this.store(row, fetched.feed));
  }

  async remove(user: AuthContext, feedId: string): Promise<void> {
    if (!(await this.feeds.remove(user.userId, feedId))) throw new AppError('NOT_FOUND', 'Feed not found');
  }

  /** Queues a fetch of one feed, or of every feed of the user; a refresh already queued is reused. */
  async refresh(user: AuthContext, feedId?: string): Promise<Job[]> {
    const targets = feedId ? [await this.feeds.findOwned(user.userId, feedId)] : await this.feeds.listForOwner(user.userId);
    if (feedId && !targets[0]) throw new AppError('NOT_FOUND', 'Feed not found');
    return Promise.all(targets.map((feed) => this.enqueue(feed!)));
  }

  /** The feeds.fetch job: fetches a feed and stores its new stories; the outcome is kept on the feed. */
  async fetchNow(feedId: string, ownerId: string | null, signal?: AbortSignal): Promise<{ feedId: string; added: number; status: 'ok' | 'error' }> {
    const feed = await this.feeds.find(feedId);
    if (!feed || (ownerId && feed.ownerId !== ownerId)) throw new PermanentJobError('the feed no longer exists');
    try {
      const fetched = await fetchFeed(feed.url, { fetch: this.deps.fetch, fetchOptions: { ...this.deps.fetchOptions, signal } });
      const before = feed.itemCount;
      const updated = await this.store(feed, fetched.feed);
      return { feedId, added: Math.max(0, updated.itemCount - before), status: 'ok' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.feeds.recordFetch(feed.id, { status: 'error', error: message, at: this.deps.clock.now() });
      if (error instanceof FeedError && error.code !== 'FETCH_FAILED') throw new PermanentJobError(message);
      throw error;
    }
  }

  /** A feeds.fetch job without a feed: every feed of its owner, one after the other. */
  async fetchAllOf(ownerId: string, signal?: AbortSignal): Promise<{ feeds: number; added: number; failed: number }> {
    let added = 0;
    let failed = 0;
    const feeds = await this.feeds.listForOwner(ownerId);
    for (const feed of feeds) {
      signal?.throwIfAborted();
      const outcome = await this.fetchNow(feed.id, ownerId, signal).catch(() => null);
      if (outcome) added += outcome.added;
      else failed++;
    }
    return { feeds: feeds.length, added, failed };
  }

  /** The feeds.schedule system job: queues a fetch for every feed due for a refresh. */
  async enqueueDue(limit = 500): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - this.deps.refreshMinutes * 60_000);
    const due = await this.feeds.due(before, limit);
    for (const feed of due) await this.enqueue(feed);
    return due.length;
  }

  private enqueue(feed: FeedRow): Promise<Job> {
    return this.jobs.enqueue({ ownerId: feed.ownerId, projectId: null, name: 'feeds.fetch', payload: { feedId: feed.id }, dedupeKey: feedJobKey(feed.id) });
  }

  private async store(feed: FeedRow, parsed: ParsedFeed): Promise<FeedRow> {
    const now = this.deps.clock.now();
    await this.feeds.addItems(feed, itemsToStore(parsed, now));
    const updated = await this.feeds.recordFetch(feed.id, { status: 'ok', error: null, at: now, title: parsed.title || null, siteUrl: parsed.link });
    return updated ?? feed;
  }
}
