import { parseHTML } from 'linkedom';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);

export function looksLikeHtml(document: string): boolean {
  const head = document.slice(0, 1024).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (/<(head|body)[\s>]/.test(head) && !head.startsWith('<?xml'));
}

/** Feed URLs a web page advertises with <link rel="alternate" type="application/rss+xml">. */
export function discoverFeedLinks(html: string, baseUrl: string | null): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate"][href]'))) {
    if (!FEED_TYPES.has((link.getAttribute('type') ?? '').toLowerCase())) continue;
    try {
      const href = link.getAttribute('href') ?? '';
      const url = baseUrl ? new URL(href, baseUrl).href : new URL(href).href;
      if (!found.includes(url)) found.push(url);
    } catch {
      const href = link.getAttribute('href');
      if (href && !found.includes(href)) found.push(href);
    }
  }
  return found;
}
