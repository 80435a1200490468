import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleImage } from '../../../contracts/sources.ts';
import { countWords } from '../analysis/text-units.ts';
import type { Article } from './article.ts';
import { SourceImportError } from './article.ts';
import { cleanTitle } from './article-title.ts';
import { beforeEndOfStory, cleanByline, isFurniture, takeDateline, tidyParagraph } from './furniture-text.ts';
import { readBody, type Block, type BodyImage } from './html-to-text.ts';
import { detectLanguage } from './language.ts';
import { absoluteUrl, readPageMetadata } from './page-metadata.ts';
import { removeFurniture } from './page-furniture.ts';
import { LISTING_LINK_SHARE, linkTextShare } from './listing-page.ts';

export interface ExtractOptions {
  /** The page's URL: resolves relative image links and is returned as `url`. */
  url?: string | null;
}

const MIN_ARTICLE_CHARS = 80;
const POSTED_LINE = /^(posted|published|updated|by|опубликовано|обновлено|автор|текст)(?![\p{L}])/iu;

function normalWords(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function sameText(a: string, b: string | null): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return b !== null && norm(a) === norm(b);
}

/** Whether a block repeats the headline or the byline (reader mode keeps them in the body). */
function isHeaderEcho(block: Block, title: string, byline: string | null): boolean {
  const text = block.text;
  const bylineEcho = byline !== null && text.length < 200 && text.toLowerCase().includes(byline.toLowerCase());
  const titleEcho = block.kind === 'heading' && normalWords(title).includes(normalWords(text));
  return sameText(text, title) || titleEcho || bylineEcho || (text.length < 100 && POSTED_LINE.test(text));
}

/** The story's paragraphs, and each kept block's index, so images can point at paragraphs. */
function storyParagraphs(blocks: Block[], title: string, byline: string | null, captions: Set<string>): Array<{ text: string; blockIndex: number }> {
  const kept = beforeEndOfStory(blocks)
    .map((block, blockIndex) => ({ block: { ...block, text: tidyParagraph(block.text) }, blockIndex }))
    .filter(({ block }) => block.text && !captions.has(block.text) && !isFurniture(block) && !isHeaderEcho(block, title, byline));
  // A heading before the first paragraph is the page's kicker or dek, unless it reads as the lead sentence.
  while (kept.length > 1 && kept[0]!.block.kind === 'heading' && !/[.!?…]["”»’']?$/u.test(kept[0]!.block.text)) kept.shift();
  return kept.map(({ block, blockIndex }) => ({ text: block.text, blockIndex }));
}

function positioned(images: BodyImage[], paragraphs: Array<{ blockIndex: number }>): ArticleImage[] {
  return images.map(({ blockIndex, ...image }) => {
    const next = paragraphs.findIndex((p) => p.blockIndex >= blockIndex);
    return { ...image, position: next >= 0 ? next : Math.max(0, paragraphs.length - 1) };
  });
}

function baseHref(document: Document, pageUrl: string | null): string | null {
  const base = document.querySelector('base[href]')?.getAttribute('href');
  return absoluteUrl(base, pageUrl) ?? pageUrl;
}

/**
 * Extracts the article from an HTML page with Mozilla Readability (the Firefox reader-mode engine)
 * running on a linkedom DOM, plus page metadata for date, author and images. The text is the
 * story's paragraphs only; captions, credits, bylines and the dateline go to metadata.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  if (!html.trim()) throw new SourceImportError('EMPTY_INPUT', 'the HTML is empty');
  const pageUrl = options.url ?? null;
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const dom = document as unknown as Document;
  const base = baseHref(dom, pageUrl);
  const metadata = readPageMetadata(dom, base);
  const headings = Array.from(dom.querySelectorAll('h1')).map((h) => h.textContent ?? '');
  const furniture = removeFurniture(dom);
  const parsed = dom.documentElement ? new Readability(dom, { charThreshold: 200 }).parse() : null;
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) {
    throw new SourceImportError('NO_ARTICLE', 'no article text was found on the page (it may be a home page, a paywall or a script-only page)');
  }
  if (linkTextShare(parsed.content) > LISTING_LINK_SHARE) {
    throw new SourceImportError('NO_ARTICLE', 'no article found on this page: it is a list of links (a section front, search results or a directory listing); open one story and use its address');
  }

  const siteName = metadata.siteName ?? parsed.siteName ?? hostOf(pageUrl);
  const byline = cleanByline(furniture.byline) ?? cleanByline(metadata.byline) ?? cleanByline(parsed.byline);
  const title = cleanTitle(metadata.title ?? parsed.title ?? '', { siteName, byline, host: hostOf(pageUrl), headings });
  const body = readBody(parsed.content, base);
  const kept = storyParagraphs(body.blocks, title, byline, furniture.captions);
  const { text: lead, place } = takeDateline(kept[0]?.text ?? '');
  const paragraphs = kept.map((p, i) => (i === 0 ? lead : p.text));
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) {
    throw new SourceImportError('NO_ARTICLE', 'no article found on this page: it has too little text to be an article');
  }
  const text = paragraphs.join('\n\n');
  const imageDetails = withLeadImage(positioned(body.images, kept), metadata.leadImage);
  return {
    title: title || paragraphs[0]?.slice(0, 120) || '',
    byline,
    text,
    lead,
    leadImage: metadata.leadImage ?? imageDetails[0]?.url ?? null,
    images: body.images.map((image) => image.url),
    imageDetails,
    dateline: place,
    language: detectLanguage(`${title}\n${text}`),
    publishedAt: metadata.publishedAt ?? normalise(parsed.publishedTime),
    siteName,
    url: pageUrl,
    wordCount: countWords(text),
  };
}

function withLeadImage(images: ArticleImage[], leadImage: string | null): ArticleImage[] {
  if (!leadImage || images.some((image) => image.url === leadImage)) return images;
  return [{ url: leadImage, alt: null, caption: null, credit: null, width: null, height: null, position: null }, ...images];
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
