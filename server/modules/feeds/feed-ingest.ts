import { analyseOffline } from '../analysis/offline-analyser.ts';
import type { NewFeedItem } from './feeds.repository.ts';
import type { FeedItem, ParsedFeed } from './feed-types.ts';

/** At most this many stories are stored per fetch (the newest ones); feeds rarely carry more. */
export const MAX_ITEMS_PER_FETCH = 100;
const MAX_SUMMARY = 4000;

function byNewest(a: FeedItem, b: FeedItem): number {
  return (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');
}

const validDate = (iso: string | null): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * Feed stories as rows, each scored at ingest by the offline analyser on its title and summary
 * (deterministic and cheap, so the news list can be filtered by score band without an LLM).
 */
export function itemsToStore(feed: ParsedFeed, now: Date): NewFeedItem[] {
  return [...feed.items]
    .filter((item) => item.title.trim() || item.url)
    .sort(byNewest)
    .slice(0, MAX_ITEMS_PER_FETCH)
    .map((item) => {
      const title = item.title.trim() || item.url || '';
      const summary = item.summary.trim().slice(0, MAX_SUMMARY) || null;
      const analysis = analyseOffline({ text: summary ?? title, title, publishedAt: item.publishedAt }, { now: () => now });
      return {
        dedupeKey: item.dedupKey,
        url: item.url,
        title: title.slice(0, 500),
        summary,
        imageUrl: item.imageUrl,
        publishedAt: validDate(item.publishedAt),
        score: analysis.score,
        language: analysis.language,
      };
    });
}
