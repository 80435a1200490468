/*
 * Text-level rules for page furniture Readability keeps: photo credits and captions, "Advertisement",
 * newsletter and share prompts, bylines and timestamps, promos, author bios, datelines. They look
 * at one block's text (and whether it is a heading), never at a site's markup.
 */
import type { Block } from './html-to-text.ts';

const AGENCIES = String.raw`Getty(?: Images)?|AFP|Reuters|AP(?: Photo)?|Associated Press|EPA|Shutterstock|iStock(?:photo)?|Bloomberg|Xinhua|Alamy|PA(?: Wire)?|ТАСС|РИА Новости|Интерфакс|Коммерсантъ`;
/** "(Thomas Coex/AFP/Getty Images)", "Photo: Jonas Berg", "Фото: ТАСС" at the end of a caption. */
const TRAILING_CREDIT = new RegExp(String.raw`\s*(?:\(([^()]*(?:/|${AGENCIES})[^()]*)\)|(?:Photo(?:graph)?|Image|Credit|Illustration|Picture|Фото|Иллюстрация|Источник фото)\s*:\s*([^.]{2,80}))\s*\.?$`, 'iu');
const CREDIT_LINE = new RegExp(String.raw`^(?:©|\(c\)|photo(?:graph)?:|image:|credit:|illustration:|map:|video:|фото:|иллюстрация:|видео:|кадр:)|(?:^|[\s/])(?:${AGENCIES})(?:\s*/|\s*$)|^[\p{Lu}\s.'-]+/[\p{L}\s./-]+$`, 'iu');
const PROMPT = /\b(sign up|subscribe|newsletter|in your inbox|follow (?:him|her|them|us|me) on|share (?:this|on)|click here|check it out|read more|related:|more from|originally appeared|originally published|all rights reserved|terms of (?:use|service)|comments?\s*\(\d+[^)]*\)|leave a comment|download (?:the|our) app|\d+\s+photos|continue reading|appears in print|with the headline|reprinted (?:on|from|with)|(?:footage|video) below|my homepage|^(?:lire aussi|lire|voir aussi|read also|see also|watch)\s*:|(?:^|\s)here\.$|^(?:technically literate|tech enabled):)\b|подпис(?:ывайтесь|аться|ка)|поделиться|читайте (?:также|нас)|смотрите также|все права защищены|комментари(?:и|ев)|наш(?:ем|) (?:telegram|канал)/iu;
const JUNK = /^(advertisement|advertising|sponsored|ad|реклама|image|photo|video|gallery|facebook|twitter|instagram|whatsapp|email|print|share|listen|exclusive|contents|фото|видео|поделиться|галерея|эксклюзив)\W*$/iu;
const TIMESTAMP = /^(?:(?:updated|published|posted|обновлено|опубликовано)\s*:?\s*)?(?:\w+,?\s+)?[\p{L}.]*\s*\d{1,4}[\s/.,-]+(?:\p{L}+\.?[\s,]+)?\d{1,4}(?:[\s,/.-]+\d{2,4})?(?:[\s,]+\d{1,2}:\d{2}(?:\s*[AP]\.?M\.?)?)?(?:\s*(?:[A-Z]{2,4}|UTC|МСК))?(?:\s+BY\s+.+)?$|^\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)?\s*(?:[A-Z]{2,4})?$/iu;
const AUTHOR_BIO = /^[\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3} (?:is|was) (?:a|an|the) [^.]{0,80}\b(?:reporter|correspondent|writer|editor|columnist|journalist|contributor)\b|(?:follow|email) (?:him|her|them) (?:on|at)\b|(?:корреспондент|обозреватель|редактор) [^.]{0,40}$/iu;
/** A heading after which a page has no more story: references, related links, comments. */
const END_OF_STORY = /^(?:references|see also|notes|external links|further reading|sources|related(?: stories| articles| coverage)?|more (?:stories|from \S+)|most (?:read|popular)|comments|make \S+ my homepage|примечания|ссылки|литература|см\. также|источники|читайте также|популярное|комментарии|по теме|ещё по теме)\W*$/iu;
const SENTENCE_END = /[.!?…:;"”»')\]]$/u;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A caption's text and its trailing credit, apart. */
export function splitCredit(text: string): { caption: string; credit: string | null } {
  const match = TRAILING_CREDIT.exec(text);
  if (!match) return CREDIT_LINE.test(text) && words(text) <= 8 ? { caption: '', credit: text } : { caption: text, credit: null };
  return { caption: text.slice(0, match.index).trim(), credit: (match[1] ?? match[2] ?? '').trim() || null };
}

/** The blocks before the first heading that ends the story (references, related links, comments). */
export function beforeEndOfStory(blocks: Block[]): Block[] {
  const end = blocks.findIndex((block) => block.kind === 'heading' && END_OF_STORY.test(block.text));
  return end > 0 ? blocks.slice(0, end) : blocks;
}

/** Whether a block is page furniture rather than part of the story. */
export function isFurniture(block: Block): boolean {
  const { text, kind } = block;
  const count = words(text);
  if (JUNK.test(text) || TIMESTAMP.test(text) || text.startsWith('^ ') || /^comments?\s*\(\d+[^)]*\)$/i.test(text)) return true;
  if (/^\[.*\]$/su.test(text) && count < 30) return true;
  if (count <= 12 && CREDIT_LINE.test(text)) return true;
  if (count <= 30 && PROMPT.test(text)) return true;
  if (count <= 60 && AUTHOR_BIO.test(text)) return true;
  if (TRAILING_CREDIT.test(text) && /\/|\b(?:AFP|Reuters|Getty|AP)\b/.test(text) && count <= 60) return true;
  // A few words with no sentence punctuation outside a heading: a label, a price, a score, a credit.
  if (kind !== 'heading' && count <= (kind === 'paragraph' ? 4 : 10) && !SENTENCE_END.test(text)) return true;
  if (kind === 'cell') return count < 12;
  return false;
}

/**
 * A paragraph without what is not read: a "© Provided by ... Inc Nintendo/Apple" credit prefix and
 * reference marks ("[1]", "[edit]", "[citation needed]").
 */
export function tidyParagraph(text: string): string {
  return text
    .replace(/^©\s*Provided by [^/]*?(?:Inc|Ltd|LLC|Media|News)\.?\s+(?:\S+\/\S+\s+)?/u, '')
    .replace(/\[(?:\d{1,3}|[a-z]|edit|citation needed|править|править код)\]/giu, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** English "CAIRO — ", "WASHINGTON (Reuters) - ", Russian "МОСКВА, 12 марта — РИА Новости. " */
const DATELINE = /^([\p{Lu}][\p{Lu}.'’ -]{1,30}[\p{Lu}.](?:,\s+[\p{Lu}][\p{L}.' ]{1,30})?)(?:,\s+\d{1,2}\s+\p{L}+)?\s*(?:\(([^)]{1,40})\))?\s*(?:[—–]|--?)\s+(?:(?:РИА Новости|ТАСС|Интерфакс|ПРАЙМ|Reuters|AP)\.\s+)?/u;

/** The first paragraph without its dateline, and the place it named. */
export function takeDateline(paragraph: string): { text: string; place: string | null } {
  const match = DATELINE.exec(paragraph);
  if (!match || match[0].length >= paragraph.length - 20) return { text: paragraph, place: null };
  const rest = paragraph.slice(match[0].length);
  if (!/^[\p{Lu}"“«‘'\d]/u.test(rest)) return { text: paragraph, place: null };
  const place = match[1]!.trim().toLowerCase().replace(/(^|[\s,-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
  return { text: rest, place };
}

/** An author name without "By", dates, times and counters glued to it by the page's markup. */
export function cleanByline(byline: string | null | undefined): string | null {
  const cleaned = (byline ?? '')
    .replace(/^(?:.*?\s)?(?:by|автор:?|текст:?)\s+/iu, '')
    .replace(/\s*\d{1,2}:\d{2}.*$/u, '')
    .replace(/\s+(?:[\p{Lu}][\p{L}]+\s+)?(?:News\s+)?(?:Reporter|Correspondent|Staff Writer|Writer|Editor|Contributor)$/u, '')
    .replace(/\s*(?:\d{1,2}\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}).*$/u, '')
    .replace(/\d+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned || TIMESTAMP.test(cleaned) || /^(?:about the author|staff|admin)$/i.test(cleaned) || /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(cleaned)) return null;
  return cleaned;
}
