import { parseFeed } from '../feeds/parse-feed.ts';
import { SourceImportError } from './article.ts';

/** Media types of RSS and Atom feeds: fetched for the article import only to say what they are. */
export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/x-rss+xml', 'application/xml', 'text/xml'];

/** An RSS, RDF or Atom document, whatever the server labelled it. */
export function looksLikeFeed(document: string): boolean {
  const head = document.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<\?[^>]*>\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/**
 * A feed given where an article was expected: the author most likely wants it among their
 * feeds, so the error carries its URL and title for a one-click "add to my feeds".
 */
export function feedUrlError(document: string, url: string | null): SourceImportError {
  let title: string | null = null;
  let items = 0;
  try {
    const feed = parseFeed(document, { baseUrl: url });
    title = feed.title || null;
    items = feed.items.length;
  } catch {
    // Not a feed after all (plain XML): still no article, so say that.
    return new SourceImportError('NO_ARTICLE', 'no article found at this address: it is an XML document, not a web page');
  }
  const name = title ? `"${title}"` : 'a news feed';
  return new SourceImportError('FEED_URL', `this address is ${name}, a news feed with ${items} stories, not an article: add it to your feeds, or open one story and use its address`, undefined, {
    feedUrl: url,
    feedTitle: title,
    items,
  });
}
