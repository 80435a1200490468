import { decodeText } from '../../adapters/http/decode-text.ts';
import type { SafeFetchOptions, SafeFetchResponse } from '../../adapters/http/safe-fetch.ts';
import { HTML_OR_TEXT, safeFetch, SafeFetchError } from '../../adapters/http/safe-fetch.ts';
import { FEED_TYPES, feedUrlError, looksLikeFeed } from './feed-url.ts';
import type { Article } from './article.ts';
import { SourceImportError } from './article.ts';
import { extractArticle } from './extract-article.ts';
import { articleFromPlainText } from './plain-text.ts';

export type ImportInput = { url: string } | { html: string; url?: string | null } | { text: string; title?: string | null };

export interface ImportDeps {
  /** Defaults to safeFetch; pass options such as allowPrivateHosts through `fetchOptions`. */
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeFetchResponse>;
  fetchOptions?: SafeFetchOptions;
}

/** `POST /api/sources/import` in one call: a URL (fetched SSRF-safely), an HTML string, or text/Markdown. */
export async function importSource(input: ImportInput, deps: ImportDeps = {}): Promise<Article> {
  if ('url' in input && !('html' in input)) return importUrl(input.url, deps);
  if ('html' in input) {
    if (looksLikeFeed(input.html)) throw feedUrlError(input.html, input.url ?? null);
    return readArticle(input.html, { url: input.url ?? null });
  }
  return articleFromPlainText(input.text, { title: input.title ?? null });
}

export async function importUrl(url: string, deps: ImportDeps = {}): Promise<Article> {
  const fetcher = deps.fetch ?? safeFetch;
  let response: SafeFetchResponse;
  try {
    response = await fetcher(url, { allowedContentTypes: [...HTML_OR_TEXT, ...FEED_TYPES], ...deps.fetchOptions });
  } catch (error) {
    if (error instanceof SafeFetchError) throw new SourceImportError('FETCH_FAILED', error.message, error.code);
    throw error;
  }
  const body = decodeText(response.body, response.charset);
  if (FEED_TYPES.includes(response.contentType) || looksLikeFeed(body)) throw feedUrlError(body, response.url);
  if (response.contentType === 'text/plain' || response.contentType === 'text/markdown') {
    return articleFromPlainText(body, { url: response.url });
  }
  return readArticle(body, { url: response.url });
}

/**
 * A page the extractor cannot read (it throws on some malformed documents) is a page without an
 * article to the user: NO_ARTICLE, a 4xx, never a 500.
 */
function readArticle(html: string, options: { url?: string | null } = {}): Article {
  try {
    return extractArticle(html, options);
  } catch (error) {
    if (error instanceof SourceImportError) throw error;
    throw new SourceImportError('NO_ARTICLE', 'No article could be read from this page: its HTML could not be parsed');
  }
}

/** An uploaded .html/.htm/.txt/.md file; the name decides how it is read. */
export function importFile(file: { name: string; content: Buffer | string }): Article {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const text = typeof file.content === 'string' ? file.content : decodeText(file.content);
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return readArticle(text);
  if (extension === 'txt' || extension === 'md' || extension === 'markdown' || extension === 'text') return articleFromPlainText(text);
  throw new SourceImportError('UNSUPPORTED_FILE', `"${file.name}" is not an .html, .txt or .md file`);
}
