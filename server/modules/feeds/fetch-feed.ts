import { decodeText } from '../../adapters/http/decode-text.ts';
import type { SafeFetchOptions, SafeFetchResponse } from '../../adapters/http/safe-fetch.ts';
import { safeFetch, SafeFetchError } from '../../adapters/http/safe-fetch.ts';
import { discoverFeedLinks, looksLikeHtml } from './discover.ts';
import type { ParsedFeed } from './feed-types.ts';
import { FeedError } from './feed-types.ts';
import { parseFeed } from './parse-feed.ts';

/** Servers label feeds inconsistently; HTML is accepted only to explain that a page is not a feed. */
export const FEED_CONTENT_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-rss+xml',
  'text/plain',
  'text/html',
  'application/xhtml+xml',
];

export interface FetchFeedDeps {
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeFetchResponse>;
  fetchOptions?: SafeFetchOptions;
}

export interface FetchedFeed {
  /** The URL after redirects. */
  url: string;
  feed: ParsedFeed;
}

/** Fetches a feed URL through the SSRF-safe fetcher and parses it; a web page gets NOT_A_FEED with the feeds it links to. */
export async function fetchFeed(url: string, deps: FetchFeedDeps = {}): Promise<FetchedFeed> {
  const fetcher = deps.fetch ?? safeFetch;
  let response: SafeFetchResponse;
  try {
    response = await fetcher(url, { allowedContentTypes: FEED_CONTENT_TYPES, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5', ...deps.fetchOptions });
  } catch (error) {
    if (error instanceof SafeFetchError) throw new FeedError('FETCH_FAILED', error.message, { fetchCode: error.code });
    throw error;
  }
  const body = decodeText(response.body, response.charset);
  if (looksLikeHtml(body)) {
    const discoveredFeeds = discoverFeedLinks(body, response.url);
    const hint = discoveredFeeds.length ? `; it links to these feeds: ${discoveredFeeds.join(', ')}` : ' and it does not link to any feed';
    throw new FeedError('NOT_A_FEED', `${response.url} is a web page, not an RSS or Atom feed${hint}`, { discoveredFeeds });
  }
  return { url: response.url, feed: parseFeed(body, { baseUrl: response.url }) };
}
