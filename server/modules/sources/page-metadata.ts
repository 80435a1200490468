/*
 * Metadata a reader-mode pass does not give reliably: publish date, headline, author, site name and
 * lead image, read from JSON-LD, Open Graph / article meta tags, microdata and <time> elements.
 */

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  leadImage: string | null;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flattenJsonLd(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flattenJsonLd);
  if (!isObject(value)) return [];
  return [value, ...flattenJsonLd(value['@graph'])];
}

function jsonLdArticle(document: Document): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = flattenJsonLd(parsed).find((node) => {
      const type = node['@type'];
      const types = Array.isArray(type) ? type : [type];
      return types.some((t) => typeof t === 'string' && /Article|Posting|Report|NewsArticle/.test(t));
    });
    if (article) return article;
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length ? names.join(', ') : null;
  }
  if (isObject(value)) return nameOf(value['name']);
  return null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (isObject(value)) return urlOf(value['url'] ?? value['contentUrl']);
  return null;
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** ISO 8601 for anything Date can read, or null. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed || trimmed.startsWith('data:')) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readPageMetadata(document: Document, baseUrl: string | null): PageMetadata {
  const ld = jsonLdArticle(document);
  const timeElement =
    document.querySelector('[itemprop="datePublished"][datetime], time[pubdate][datetime]') ??
    document.querySelector('article time[datetime], time[datetime]');
  const published =
    normaliseDate(typeof ld?.['datePublished'] === 'string' ? ld['datePublished'] : null) ??
    normaliseDate(meta(document, 'article:published_time', 'datePublished', 'og:published_time', 'pubdate', 'publishdate', 'date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date')) ??
    normaliseDate(timeElement?.getAttribute('datetime'));
  return {
    title: nameOfString(ld?.['headline']) ?? meta(document, 'og:title', 'twitter:title'),
    byline: nameOf(ld?.['author']) ?? meta(document, 'author', 'article:author', 'parsely-author'),
    siteName: meta(document, 'og:site_name') ?? nameOf(ld?.['publisher']),
    publishedAt: published,
    leadImage: absoluteUrl(meta(document, 'og:image', 'og:image:url', 'twitter:image') ?? urlOf(ld?.['image']), baseUrl),
  };
}

function nameOfString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
