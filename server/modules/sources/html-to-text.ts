import { parseHTML } from 'linkedom';
import { absoluteUrl } from './page-metadata.ts';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th';
const SKIPPED = 'figcaption, script, style, noscript, button, form, svg';

function parseFragment(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The readable text of reader-mode HTML: one string per block, leaf blocks only, in order. */
export function htmlToParagraphs(html: string): string[] {
  const document = parseFragment(html);
  for (const element of Array.from(document.querySelectorAll(SKIPPED))) element.remove();
  const blocks = Array.from(document.querySelectorAll(BLOCKS)).filter((element) => !element.querySelector(BLOCKS));
  const paragraphs = blocks.map((element) => clean(element.textContent ?? '')).filter((text) => /[\p{L}\p{N}]/u.test(text));
  if (paragraphs.length > 0) return paragraphs;
  return (document.body?.textContent ?? '').split(/\n+/).map(clean).filter(Boolean);
}

function largestFromSrcset(srcset: string | null): string | null {
  if (!srcset) return null;
  const candidates = srcset
    .split(',')
    .map((entry) => entry.trim().split(/\s+/))
    .map(([url = '', size = '1x']) => ({ url, weight: parseFloat(size) || 1 }))
    .filter((c) => c.url);
  candidates.sort((a, b) => b.weight - a.weight);
  return candidates[0]?.url ?? null;
}

function isTiny(image: Element): boolean {
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  return (width > 0 && width <= 2) || (height > 0 && height <= 2);
}

/** Absolute URLs of the images in reader-mode HTML, lazy-loading attributes and srcset included. */
export function collectImages(html: string, baseUrl: string | null): string[] {
  const document = parseFragment(html);
  const found: string[] = [];
  for (const image of Array.from(document.querySelectorAll('img'))) {
    if (isTiny(image)) continue;
    const candidates = [
      largestFromSrcset(image.getAttribute('srcset')),
      image.getAttribute('data-src'),
      image.getAttribute('data-lazy-src'),
      image.getAttribute('data-original'),
      largestFromSrcset(image.getAttribute('data-srcset')),
      image.getAttribute('src'),
    ];
    const url = candidates.map((c) => absoluteUrl(c, baseUrl)).find((c): c is string => Boolean(c));
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}
