import { parseHTML } from 'linkedom';
import type { ArticleImage } from '../../../contracts/sources.ts';
import { splitCredit } from './furniture-text.ts';
import { absoluteUrl } from './page-metadata.ts';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th';
const SKIPPED = 'figcaption, script, style, noscript, button, form, svg';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'cell';

/** One leaf block of reader-mode HTML. */
export interface Block {
  text: string;
  kind: BlockKind;
}

/** An image found in the body, before paragraph filtering: `position` counts blocks. */
export type BodyImage = Omit<ArticleImage, 'position'> & { blockIndex: number };

function parseFragment(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function kindOf(element: Element): BlockKind {
  const tag = element.tagName.toLowerCase();
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'item';
  if (tag === 'td' || tag === 'th') return 'cell';
  return 'paragraph';
}

/** The readable blocks of reader-mode HTML (leaf blocks only, in order) and the images between them. */
export function readBody(html: string, baseUrl: string | null): { blocks: Block[]; images: BodyImage[] } {
  const document = parseFragment(html);
  const images = new Map<Element, BodyImage>();
  const blocks: Block[] = [];
  for (const image of Array.from(document.querySelectorAll('img'))) {
    const details = imageDetails(image, baseUrl);
    if (details) images.set(image, details);
  }
  for (const element of Array.from(document.querySelectorAll(SKIPPED))) element.remove();
  for (const element of Array.from(document.querySelectorAll(`${BLOCKS}, img`))) {
    if (element.tagName.toLowerCase() === 'img') {
      const image = images.get(element);
      if (image) image.blockIndex = blocks.length;
      continue;
    }
    if (element.querySelector(BLOCKS)) continue;
    const text = clean(element.textContent ?? '');
    if (/[\p{L}\p{N}]/u.test(text)) blocks.push({ text, kind: kindOf(element) });
  }
  if (blocks.length === 0) {
    for (const line of (document.body?.textContent ?? '').split(/\n+/).map(clean).filter(Boolean)) blocks.push({ text: line, kind: 'paragraph' });
  }
  const unique = new Map<string, BodyImage>();
  for (const image of images.values()) if (!unique.has(image.url)) unique.set(image.url, image);
  return { blocks, images: [...unique.values()] };
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

function dimension(image: Element, name: 'width' | 'height'): number | null {
  const value = Number(image.getAttribute(name));
  return Number.isInteger(value) && value > 0 ? value : null;
}

function imageUrl(image: Element, baseUrl: string | null): string | null {
  const candidates = [
    largestFromSrcset(image.getAttribute('srcset')),
    image.getAttribute('data-src'),
    image.getAttribute('data-lazy-src'),
    image.getAttribute('data-original'),
    largestFromSrcset(image.getAttribute('data-srcset')),
    image.getAttribute('src'),
  ];
  return candidates.map((c) => absoluteUrl(c, baseUrl)).find((c): c is string => Boolean(c)) ?? null;
}

function imageDetails(image: Element, baseUrl: string | null): BodyImage | null {
  const width = dimension(image, 'width');
  const height = dimension(image, 'height');
  if ((width !== null && width <= 2) || (height !== null && height <= 2)) return null;
  const url = imageUrl(image, baseUrl);
  if (!url) return null;
  const figcaption = image.closest('figure')?.querySelector('figcaption');
  const creditElement = figcaption?.querySelector('[class*="credit"], [class*="copyright"], small, cite');
  const ownCredit = clean(creditElement?.textContent ?? '') || image.getAttribute('data-rf-credit');
  creditElement?.remove();
  const written = clean(figcaption?.textContent ?? '') || image.getAttribute('data-rf-caption') || '';
  const { caption, credit } = splitCredit(written);
  return {
    url,
    alt: clean(image.getAttribute('alt') ?? '') || null,
    caption: caption || null,
    credit: clean(ownCredit ?? '') || credit || null,
    width,
    height,
    blockIndex: 0,
  };
}
