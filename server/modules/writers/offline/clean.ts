import type { Language } from '../../../../contracts/formats.ts';
import { countWords, splitParagraphs } from '../../analysis/text-units.ts';

/*
 * Pass 1: the source as a narrator may read it. Extraction (modules/sources) removes most page
 * furniture; this pass is the writer's own guard for what still slips through or comes from pasted
 * text: captions and credits, bylines, datelines, share and newsletter lines, "Advertisement".
 */

const FURNITURE_LINE = [
  // Captions and labels: "Map: Flow of ...", "Photo: ...", "Фото: ..."
  /^(photo|photograph|image|picture|map|chart|graphic|graph|video|watch|listen|illustration|caption|credit|source|фото|карта|график|инфографика|видео|иллюстрация|источник)s?\s*(\([^)]*\))?\s*[:|—–-]\s/iu,
  /^(advertisement|advert|sponsored( content)?|реклама|партнёрский материал|партнерский материал)\.?$/iu,
  /^(share|share this|tweet|email|print|comments?|\d+\s+comments?|sign up|subscribe|newsletter|read more|related|see also|more on this|follow us|click here|поделиться|комментари\p{L}*|подпис\p{L}+|читайте также|смотрите также|читать далее|по теме)(\b|\s|:|$)/iu,
  /^(by|from|от|автор|текст)\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}(\s*(,|and|и)\s.*)?$/u,
  /^(posted|published|updated|last updated|опубликовано|обновлено)\b/iu,
  /(©|\(c\)\s|all rights reserved|все права защищены)/iu,
  /\b(getty images|shutterstock|afp photo|ap photo|reuters\/|associated press photo|epa-efe|риа новости\/|тасс\/)\b/iu,
  // A photo caption ends with its credit: "... on March 18. (Thomas Coex/AFP/Getty Images)"
  /\([^()]*\/[^()]*\)\.?$/u,
  // Author bios and follow lines: "Lucas Nolan is a reporter for Breitbart Tech ...", "Follow him on Twitter".
  /^\p{Lu}[\p{L}'’-]+(\s\p{Lu}[\p{L}'’.-]+){1,2}\sis\san?\s([\p{Ll}-]+\s){0,2}(reporter|writer|correspondent|editor|journalist|columnist|contributor|producer)\b/u,
  /\bfollow (him|her|them|us|me) (on|at) (twitter|facebook|instagram)|\bподписывайтесь на (нас|наш)/iu,
  // Promotions in brackets: "[What you need to know to start the day: ...]"
  /^\[[^\]]+\]$/u,
];

/** A timestamp before the news: "12:00 PM PT -- ", "2/26/2015 7:11 AM". */
const TIMESTAMP = /^\s*(\d{1,2}\/\d{1,2}\/\d{2,4}\s+)?\d{1,2}:\d{2}\s*(am|pm)?\s*[A-Z]{0,4}\s*[—–-]{1,2}\s+/iu;

/** "CAIRO —", "WASHINGTON (Reuters) -", "LONDON, March 18 (AP) —", "МОСКВА, 12 марта. /ТАСС/." */
const DATELINE =
  /^\s*(\p{Lu}[\p{Lu}\s.'’-]{2,40}|\p{Lu}\p{Ll}+(\s\p{Lu}\p{Ll}+)?\s?(\([^)]{2,30}\)))(,\s*[\p{L}\s.,0-9]{3,30})?\s*(\([^)]{2,30}\)|\/[^/]{2,20}\/)?\s*[—–-]{1,2}\s+|^\s*\p{Lu}[\p{Lu}-]{2,30},\s*\d{1,2}\s\p{Ll}+\.\s*(\/[^/]{2,30}\/\.?\s*)?/u;

export function isFurnitureLine(line: string): boolean {
  const text = line.trim();
  return FURNITURE_LINE.some((rule) => rule.test(text));
}

/** Paragraphs that are not prose: headings and labels without a sentence end, or furniture. */
function isProse(paragraph: string): boolean {
  if (isFurnitureLine(paragraph)) return false;
  const words = countWords(paragraph);
  if (words < 3) return false;
  return words >= 12 || /[.!?…]["'»”’)]?$/u.test(paragraph);
}

export function withoutDateline(paragraph: string): string {
  const match = DATELINE.exec(paragraph) ?? TIMESTAMP.exec(paragraph);
  if (!match) return paragraph;
  const rest = paragraph.slice(match[0].length);
  return /^\p{Lu}|^["«“]/u.test(rest) && countWords(rest) >= 4 ? rest : paragraph;
}

/** "Headline | Author Name", "Headline - Site", "Headline — Сайт": the headline alone. */
export function cleanTitle(title: string): string {
  const parts = title.split(/\s+[|—–-]\s+|\s+[|]\s*/u);
  if (parts.length < 2) return title.trim();
  const head = parts[0]!.trim();
  const tail = parts.slice(1).join(' ');
  return countWords(head) >= 3 && countWords(tail) <= 6 ? head : title.trim();
}

export interface CleanSource {
  title: string;
  paragraphs: string[];
  language: Language;
}

export function cleanSource(text: string, title: string, language: Language): CleanSource {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  // A caption or credit line glued to a paragraph by a single line break goes; the prose lines stay.
  const paragraphs = blocks
    .map((block) => block.split('\n').filter((line) => !isFurnitureLine(line)).join(' '))
    .flatMap((block) => splitParagraphs(block))
    .filter(isProse)
    .map(withoutDateline);
  return { title: cleanTitle(title), paragraphs, language };
}
