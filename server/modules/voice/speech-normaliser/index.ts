/*
 * Speech normalisation: the text a TTS engine is sent, with numbers, dates, money, units,
 * abbreviations, Roman numerals and symbols written out as words for the language, and a map from
 * each written caption word to the spoken words it became, so word timings of the speech fold back
 * onto the words the author wrote.
 */
import type { Language } from '../../../../contracts/formats.ts';
import type { WordTiming } from '../../../../contracts/step-data.ts';
import { splitWords } from '../words.ts';
import type { TokenContext } from './context.ts';
import { isEnglishAbbreviation, speakEnglish } from './en.ts';
import { isRussianAbbreviation, speakRussian } from './ru.ts';

/** One written caption word and the half-open range of spoken words it is read as. */
export interface SpokenSpan {
  word: string;
  from: number;
  to: number;
}

export interface SpeechText {
  written: string;
  /** What the TTS engine is sent. */
  spoken: string;
  /** One entry per written word (splitWords of `written`), in order, covering the spoken words once. */
  spans: SpokenSpan[];
  spokenWordCount: number;
}

interface Speaker {
  speak: (context: TokenContext) => string | null;
  isAbbreviation: (core: string) => boolean;
  /** Symbols that stand alone after a word ("МЧС, № 5"): said in the trailing punctuation's place. */
  symbols: Record<string, string>;
}

const SPEAKERS: Record<Language, Speaker> = {
  en: { speak: speakEnglish, isAbbreviation: isEnglishAbbreviation, symbols: { '&': 'and', '+': 'plus', '=': 'equals', '#': 'number', '№': 'number', '%': 'percent', '@': 'at' } },
  ru: { speak: speakRussian, isAbbreviation: isRussianAbbreviation, symbols: { '&': 'и', '+': 'плюс', '=': 'равно', '#': 'номер', '№': 'номер', '%': 'процентов', '@': 'собака' } },
};

const STANDALONE_SYMBOL = /\s+([&+=#№%@])(?=\s|$)/gu;

/** Abbreviations that stand before a name, so a capital after them does not start a sentence. */
const BEFORE_A_NAME = /^(?:Mr|Mrs|Ms|Dr|St|Mt|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|No|ул|им|проф|акад|св|г|пр|обл|зам)\.$/u;
const LEAD = /^[("'“‘«[¿¡]+/u;
const TRAIL = /(?:[\s)"'”’»\].,!?;:…—–-]|\s[&+=#№%@])+$/u;

interface Piece {
  lead: string;
  core: string;
  trail: string;
}

function splitPunctuation(token: string, isAbbreviation: (core: string) => boolean, nextToken: string | undefined): Piece {
  const lead = LEAD.exec(token)?.[0] ?? '';
  const rest = token.slice(lead.length);
  let trail = TRAIL.exec(rest)?.[0] ?? '';
  let core = rest.slice(0, rest.length - trail.length);
  if (trail.startsWith('.') && isAbbreviation(`${core}.`)) {
    core = `${core}.`;
    // The abbreviation's period also ends the sentence when nothing or a capital follows.
    const endsSentence = nextToken === undefined || (/^\p{Lu}/u.test(nextToken) && !BEFORE_A_NAME.test(core));
    if (!endsSentence) trail = trail.slice(1);
  }
  if (!core) return { lead: '', core: token, trail: '' };
  return { lead, core, trail };
}

/** The spoken form of a text and the map from its written words to the spoken words. */
export function toSpeech(text: string, language: Language): SpeechText {
  const { speak, isAbbreviation, symbols } = SPEAKERS[language];
  const tokens = splitWords(text).map((w) => w.text);
  const pieces = tokens.map((token, i) => splitPunctuation(token, isAbbreviation, tokens[i + 1]));
  const cores = pieces.map((p) => p.core);
  const spokenPieces = pieces.map((piece, index) => {
    const said = speak({ core: piece.core, trail: piece.trail, cores, index });
    const spokenTrail = piece.trail.replace(STANDALONE_SYMBOL, (_, symbol: string) => ` ${symbols[symbol] ?? symbol}`);
    if (said === null) return spokenTrail === piece.trail ? tokens[index]! : `${piece.lead}${piece.core}${spokenTrail}`;
    const trail = / to$/.test(said) ? spokenTrail.replace(/\s*[—–-]+\s*$/u, '') : spokenTrail;
    return `${piece.lead}${said}${trail}`.trim();
  });

  const starts: number[] = [];
  let spoken = '';
  for (const piece of spokenPieces) {
    if (spoken && piece) spoken += ' ';
    starts.push(spoken.length);
    spoken += piece;
  }
  const spokenWords = splitWords(spoken);
  const spans: SpokenSpan[] = tokens.map((word) => ({ word, from: 0, to: 0 }));
  let w = 0;
  spokenPieces.forEach((piece, i) => {
    const end = starts[i]! + piece.length;
    const from = w;
    while (w < spokenWords.length && spokenWords[w]!.start < end) w++;
    spans[i] = { word: tokens[i]!, from, to: w };
  });
  return { written: text, spoken, spans, spokenWordCount: spokenWords.length };
}

/**
 * Written caption words timed from the spoken words' timings: each written word starts with its
 * first spoken word and ends with its last. Null when the timings are not one per spoken word.
 */
export function foldTimings(speech: SpeechText, spokenTimings: WordTiming[]): WordTiming[] | null {
  if (spokenTimings.length !== speech.spokenWordCount) return null;
  let cursor = spokenTimings[0]?.start ?? 0;
  return speech.spans.map((span) => {
    if (span.to <= span.from) return { word: span.word, start: cursor, end: cursor };
    const start = spokenTimings[span.from]!.start;
    const end = spokenTimings[span.to - 1]!.end;
    cursor = end;
    return { word: span.word, start, end };
  });
}
