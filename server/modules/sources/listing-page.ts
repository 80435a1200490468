import { parseHTML } from 'linkedom';

/**
 * The share of the extracted text that sits inside links. A story reads as sentences with a
 * few links in them (well under a third in the corpus); a section front, a search result page
 * or a directory index is mostly links to other pages.
 */
export function linkTextShare(contentHtml: string): number {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const length = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().length;
  const total = length(document.body?.textContent);
  if (total === 0) return 0;
  const linked = Array.from(document.querySelectorAll('a')).reduce((sum, a) => sum + length(a.textContent), 0);
  return Math.min(1, linked / total);
}

/** Above this share of linked text the page is a list of links, not an article. */
export const LISTING_LINK_SHARE = 0.5;
