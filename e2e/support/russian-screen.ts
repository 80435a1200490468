import { expect, type Page } from '@playwright/test';
import { en } from '../../web/src/i18n/en.ts';
import { ru } from '../../web/src/i18n/ru.ts';

/**
 * Names that read the same in Russian: the app, providers and engines, formats and platforms.
 * Anything else in Latin letters that is a word of the English catalogue fails a Russian screen.
 */
export const SAME_IN_RUSSIAN = new Set(
  [
    'ReelForge', 'API', 'MP4', 'MP3', 'WAV', 'M4A', 'OGG', 'WebM', 'SRT', 'VTT', 'JPEG', 'PNG', 'TXT', 'HTML', 'JSON', 'URL', 'RSS', 'Atom',
    'KB', 'MB', 'LLM', 'RP', 'HTS', 'Pexels', 'HeyGen', 'ElevenLabs', 'OpenAI', 'Anthropic', 'Claude', 'Messages', 'Ollama', 'vLLM', 'LM', 'Studio',
    'Kokoro', 'Piper', 'festival', 'espeak', 'ng', 'Shorts', 'Reels', 'TikTok', 'YouTube', 'EN', 'RU', 'md', 'txt', 'html',
    'WebP', 'GIF', 'AVIF', 'MOV', 'FLAC', 'Markdown', 'ffmpeg', 'xfade', 'Enter', 'px', 'com', 'Instagram', 'VK', 'CSV', 'whisper',
  ].map((word) => word.toLowerCase()),
);

/** Words in Latin letters, lower-cased ("MP4" and "PEXELS_API_KEY" are one word each; addresses are left out). */
const latinWords = (text: string) =>
  (text.replace(/\b(https?:\/\/|www\.)\S+/g, ' ').match(/[A-Za-z][\w’']*[A-Za-z0-9]/g) ?? []).map((word) => word.toLowerCase().replace(/[’']s$/, '')).filter((word) => !word.includes('_'));

/** Every word of the English catalogue (two letters or more), lower-cased. */
const ENGLISH_WORDS = new Set(
  Object.values(en)
    .flatMap((text) => latinWords(text.replace(/\{[^{}]*\}/g, ' ')))
    .filter((word) => !SAME_IN_RUSSIAN.has(word)),
);

/**
 * Pieces of English interface text (from the catalogue, split at placeholders, at least two words)
 * that differ from the Russian ones: none may show on a Russian screen.
 */
const ENGLISH_PIECES = [
  ...new Set(
    (Object.keys(en) as Array<keyof typeof en>)
      .filter((key) => en[key] !== ru[key])
      .flatMap((key) => en[key].split(/\{[^{}]*\}/))
      .map((piece) => piece.trim().replace(/[.:,…→]+$/, ''))
      .filter((piece) => /\p{L}+\s+\p{L}+/u.test(piece)),
  ),
];

/** The English catalogue words in a text (user content in Latin letters that is not such a word passes). */
export function englishWordsIn(text: string): string[] {
  return [...new Set(latinWords(text).filter((word) => ENGLISH_WORDS.has(word)))];
}

/**
 * What the page shows in its own language: visible text (and text for screen readers), the options
 * of its lists and the hints in its empty fields; text marked with another lang (the language
 * switch names each language in itself) is left out.
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLanguage = document.documentElement.lang;
    const ownLanguage = (element: Element) => {
      const marked = element.closest('[lang]')?.getAttribute('lang');
      return !marked || marked === pageLanguage;
    };
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      if (!element || element.closest('script, style, noscript, option') || !ownLanguage(element)) continue;
      if (element.checkVisibility()) parts.push(walker.currentNode.textContent ?? '');
    }
    const hints = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')]
      .filter((field) => !field.value && ownLanguage(field))
      .map((field) => field.placeholder);
    const options = [...document.querySelectorAll('option')].filter(ownLanguage).map((option) => option.textContent ?? '');
    return [parts.join(''), ...hints, ...options].join('\n');
  });
}

/** Fails with the English interface words and phrases that show on the page. */
export async function expectNoEnglishInterface(page: Page) {
  const text = await visibleText(page);
  expect(ENGLISH_PIECES.filter((piece) => text.includes(piece)), 'English phrases on a Russian screen').toEqual([]);
  expect(englishWordsIn(text), 'English words on a Russian screen').toEqual([]);
}
