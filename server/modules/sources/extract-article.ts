import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { countWords } from '../analysis/text-units.ts';
import type { Article } from './article.ts';
import { SourceImportError } from './article.ts';
import { collectImages, htmlToParagraphs } from './html-to-text.ts';
import { detectLanguage } from './language.ts';
import { absoluteUrl, readPageMetadata } from './page-metadata.ts';

export interface ExtractOptions {
  /** The page's URL: resolves relative image links and is returned as `url`. */
  url?: string | null;
}

const MIN_ARTICLE_CHARS = 80;
const POSTED_LINE = /^(posted|published|updated|by|опубликовано|обновлено|автор|текст)(?![\p{L}])/iu;
const AD_CONTAINER = /(^|[\s_-])(ad|ads|adv|advert|advertisement|adsbygoogle|banner|promo|sponsored|reklama|rek)([\s_-]|$)/i;
const CLUTTER = 'nav, footer, aside, form, iframe, [role="navigation"], [role="complementary"], [aria-hidden="true"]';

/** Removes ad containers and page chrome Readability's heuristics can miss (e.g. class "adv-inline"). */
function removeClutter(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(CLUTTER))) element.remove();
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (AD_CONTAINER.test(names) && element.tagName.toLowerCase() !== 'body') element.remove();
  }
}

/** "Headline — Site", "Site | Headline": the headline without the site name. */
function withoutSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return title
    .replace(new RegExp(`\\s+[|\\-–—·:»/]\\s+${escaped}\\s*$`, 'iu'), '')
    .replace(new RegExp(`^\\s*${escaped}\\s+[|\\-–—·:»/]\\s+`, 'iu'), '')
    .trim();
}

function sameText(a: string, b: string | null): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return b !== null && norm(a) === norm(b);
}

/** Drops leading blocks that repeat the headline or the byline (reader mode keeps them in the body). */
function withoutHeaderEcho(paragraphs: string[], title: string, byline: string | null): string[] {
  const rest = [...paragraphs];
  while (rest.length > 0) {
    const first = rest[0] ?? '';
    const bylineEcho = byline !== null && first.length < 200 && first.toLowerCase().includes(byline.toLowerCase());
    const postedLine = first.length < 100 && POSTED_LINE.test(first);
    if (sameText(first, title) || sameText(first, byline) || bylineEcho || postedLine) rest.shift();
    else break;
  }
  return rest;
}

function baseHref(document: Document, pageUrl: string | null): string | null {
  const base = document.querySelector('base[href]')?.getAttribute('href');
  return absoluteUrl(base, pageUrl) ?? pageUrl;
}

/**
 * Extracts the article from an HTML page with Mozilla Readability (the Firefox reader-mode engine)
 * running on a linkedom DOM, plus page metadata for date, author and images.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  if (!html.trim()) throw new SourceImportError('EMPTY_INPUT', 'the HTML is empty');
  const pageUrl = options.url ?? null;
  const { document } = parseHTML(html);
  const dom = document as unknown as Document;
  const base = baseHref(dom, pageUrl);
  const metadata = readPageMetadata(dom, base);
  removeClutter(dom);
  const parsed = new Readability(dom, { charThreshold: 200 }).parse();
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) {
    throw new SourceImportError('NO_ARTICLE', 'no article text was found on the page (it may be a home page, a paywall or a script-only page)');
  }

  const siteName = metadata.siteName ?? parsed.siteName ?? hostOf(pageUrl);
  const title = withoutSiteName((metadata.title ?? parsed.title ?? '').trim(), siteName);
  const byline = cleanByline(parsed.byline ?? metadata.byline);
  const paragraphs = withoutHeaderEcho(htmlToParagraphs(parsed.content), title, byline);
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) {
    throw new SourceImportError('NO_ARTICLE', 'the page has too little text to be an article');
  }
  const text = paragraphs.join('\n\n');
  const images = collectImages(parsed.content, base);
  return {
    title: title || paragraphs[0]?.slice(0, 120) || '',
    byline,
    text,
    lead: paragraphs[0] ?? '',
    leadImage: metadata.leadImage ?? images[0] ?? null,
    images,
    language: detectLanguage(`${title}\n${text}`),
    publishedAt: metadata.publishedAt ?? normalise(parsed.publishedTime),
    siteName,
    url: pageUrl,
    wordCount: countWords(text),
  };
}

function cleanByline(byline: string | null | undefined): string | null {
  const cleaned = (byline ?? '').replace(/^(by|автор:?|текст:?)\s+/i, '').replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

function normalise(date: string | null | undefined): string | null {
  if (!date) return null;
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
