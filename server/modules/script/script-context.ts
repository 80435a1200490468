import type { FormatId, Language } from '../../../contracts/formats.ts';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { countWords } from '../analysis/text-units.ts';
import type { LanguagePatterns } from './patterns.ts';
import { PATTERNS } from './patterns.ts';

export interface ScriptContext {
  language: Language;
  format: FormatId;
  patterns: LanguagePatterns;
  wordsPerSecond: number;
  /** The whole source, used to tell names from ordinary words. */
  sourceText: string;
  /** Idea mode: a sentence or two, too little to build scenes from the source alone. */
  thinSource: boolean;
  lowerFirst(text: string): string;
}

const FUNCTION_WORDS = new Set(
  'the a an in on at for to of and or but this that these those it its is are was were what why how when where who which there here some many most all every one two three our my your their we you they he she i'
    .split(' ')
    .concat('в во на с по к у о от до из за для и но а что как это эти этот эта почему зачем когда где кто какой какая какие все мы вы они он она я мой наш ваш их'.split(' ')),
);

/**
 * A name keeps its capital when a sentence is embedded after "Did you know ...": the word is an
 * acronym, appears capitalised mid-sentence somewhere in the source, or (English, substantial
 * sources only) appears capitalised at least twice and never in lower case.
 */
function makeLowerFirst(sourceText: string, language: Language, thin: boolean): (text: string) => string {
  return (text: string) => {
    const first = /^[\p{L}\p{N}'’-]+/u.exec(text)?.[0];
    if (!first || !/^\p{Lu}/u.test(first)) return text;
    const lower = first.toLowerCase();
    const keep =
      !FUNCTION_WORDS.has(lower) &&
      (/^\p{Lu}{2,}/u.test(first) ||
        // Two capitalised words in a row open a name ("Mette Sorensen", "New York").
        new RegExp(`^${first}\\s+\\p{Lu}\\p{Ll}`, 'u').test(text) ||
        new RegExp(`[\\p{Ll},;:]\\s+${first}(?![\\p{L}])`, 'u').test(sourceText) ||
        (language === 'en' &&
          !thin &&
          (sourceText.match(new RegExp(`(^|[^\\p{L}])${first}(?![\\p{L}])`, 'gu'))?.length ?? 0) >= 2 &&
          !new RegExp(`(^|[^\\p{L}])${lower}(?![\\p{L}])`, 'u').test(sourceText)));
    return keep ? text : first.charAt(0).toLocaleLowerCase() + text.slice(1);
  };
}

export function createContext(sourceText: string, language: Language, format: FormatId): ScriptContext {
  const thinSource = countWords(sourceText) < 40;
  return {
    language,
    format,
    patterns: PATTERNS[language],
    wordsPerSecond: SPEAKING_RATE_WPS[language],
    sourceText,
    thinSource,
    lowerFirst: makeLowerFirst(sourceText, language, thinSource),
  };
}

/** A sentence as a clause to embed: no final punctuation. */
export function asClause(sentence: string): string {
  return sentence.replace(/[.!?…]+$/u, '').trim();
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
