export interface FeedItem {
  /** Stable per-source identity: "guid:<guid>", else "url:<normalised url>", else "title:<title>|<date>". */
  dedupKey: string;
  guid: string | null;
  url: string | null;
  title: string;
  /** Plain text (HTML removed, entities decoded). */
  summary: string;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  imageUrl: string | null;
  author: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string;
  /** The site the feed belongs to. */
  link: string | null;
  description: string | null;
  language: string | null;
  items: FeedItem[];
}

export const FEED_ERROR_CODES = ['NOT_A_FEED', 'MALFORMED_XML', 'FETCH_FAILED'] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly details: { fetchCode?: string; discoveredFeeds?: string[] } = {},
  ) {
    super(message);
    this.name = 'FeedError';
  }
}
