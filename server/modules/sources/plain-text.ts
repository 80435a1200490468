import { countWords, splitSentences } from '../analysis/text-units.ts';
import type { Article } from './article.ts';
import { SourceImportError } from './article.ts';
import { detectLanguage } from './language.ts';
import { absoluteUrl } from './page-metadata.ts';

export interface PlainTextOptions {
  title?: string | null;
  url?: string | null;
}

interface Markdown {
  heading: string | null;
  paragraphs: string[];
  images: string[];
}

const LIST_MARKER = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;

function inlineMarkdown(line: string, images: string[]): string {
  return line
    .replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, _alt: string, url: string) => {
      const absolute = absoluteUrl(url, null);
      if (absolute && !images.includes(absolute)) images.push(absolute);
      return '';
    })
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads plain text or Markdown into paragraphs: blank lines separate paragraphs, list items and
 * headings stand alone, code blocks and rules are dropped, links keep their words, images are
 * collected. Plain text goes through unchanged apart from whitespace.
 */
function readMarkdown(source: string): Markdown {
  const images: string[] = [];
  const paragraphs: string[] = [];
  let heading: string | null = null;
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = current.join(' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) paragraphs.push(text);
    current = [];
  };
  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(rawLine)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) continue;
    const line = rawLine.replace(/^\s*>\s?/, '');
    if (!line.trim() || /^\s*([-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    const headingMatch = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (headingMatch) {
      flush();
      const text = inlineMarkdown(headingMatch[1] ?? '', images);
      if (heading === null && paragraphs.length === 0) heading = text;
      else if (text) paragraphs.push(text);
      continue;
    }
    if (LIST_MARKER.test(line)) {
      flush();
      current.push(inlineMarkdown(line.replace(LIST_MARKER, ''), images));
      flush();
      continue;
    }
    current.push(inlineMarkdown(line, images));
  }
  flush();
  return { heading, paragraphs, images };
}

function titleFrom(paragraphs: string[]): { title: string; rest: string[] } {
  const first = paragraphs[0] ?? '';
  if (paragraphs.length > 1 && first.length <= 120 && !/[.!?…]$/.test(first)) return { title: first, rest: paragraphs.slice(1) };
  const sentence = splitSentences(first)[0] ?? first;
  const title = sentence.length <= 120 ? sentence.replace(/[.!?…]+$/, '') : `${sentence.slice(0, 117).replace(/\s+\S*$/, '')}…`;
  return { title, rest: paragraphs };
}

/** An article from pasted text or a .txt/.md file. */
export function articleFromPlainText(source: string, options: PlainTextOptions = {}): Article {
  const markdown = readMarkdown(source);
  if (markdown.paragraphs.length === 0 && !markdown.heading) throw new SourceImportError('EMPTY_INPUT', 'the text is empty');
  let title = options.title?.trim() || markdown.heading || '';
  let paragraphs = markdown.paragraphs;
  if (!title) ({ title, rest: paragraphs } = titleFrom(paragraphs));
  if (paragraphs.length === 0) paragraphs = [title];
  const text = paragraphs.join('\n\n');
  return {
    title,
    byline: null,
    text,
    lead: paragraphs[0] ?? '',
    leadImage: markdown.images[0] ?? null,
    images: markdown.images,
    imageDetails: markdown.images.map((url) => ({ url, alt: null, caption: null, credit: null, width: null, height: null, position: null })),
    dateline: null,
    language: detectLanguage(`${title}\n${text}`),
    publishedAt: null,
    siteName: null,
    url: options.url ?? null,
    wordCount: countWords(text),
  };
}
