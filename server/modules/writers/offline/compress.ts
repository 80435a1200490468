import type { Language } from '../../../../contracts/formats.ts';
import { countWords, words } from '../../analysis/text-units.ts';

/*
 * Clause-aware compression: only deletions that keep a main clause (parentheticals, a leading
 * connector, a short ", insertion,", a trailing clause), and every candidate must still be a
 * complete sentence (isCompleteSentence) or it is not taken.
 */

const LEADING_CONNECTORS: Record<Language, RegExp> = {
  en: /^(however|meanwhile|moreover|furthermore|in addition|also|but|and|so|still|yet|indeed|in fact|of course|at the same time|as a result|thankfully|after all)\b,?\s+/i,
  ru: /^(однако|при этом|кроме того|также|но|а также|а|и|впрочем|тем не менее|более того|в то же время|в итоге|между тем)(?![\p{L}]),?\s+/iu,
};

/** Words a sentence cannot end on: an article, a preposition, a conjunction, a possessive. */
const DANGLING_END: Record<Language, Set<string>> = {
  en: new Set('a an the of to and or but with my his her their its our your roughly about than as for in on at by from into over under nearly almost some which who whose whom is are was were be been being has have had will would can could should not very more most such per'.split(' ')),
  ru: new Set('и в во на с со по к ко о об а но или для от до из за при около без под над у что как который которая которые это этот эта чем же ли бы не'.split(' ')),
};

/** A clause that opens with these is subordinate: alone it is a fragment. */
const SUBORDINATE_START: Record<Language, RegExp> = {
  en: /^(after|when|while|although|though|because|if|as|since|before|until|unless|whereas|whether|despite|once|in order to|so that|amid|following|according to)\b/i,
  ru: /^(когда|если|хотя|потому что|поскольку|после того как|пока|чтобы|несмотря на|так как|по словам|по данным)(?![\p{L}])/iu,
};

/** "30-minute.", "22-year." : a compound modifier waiting for its noun. */
const HYPHENATED_MODIFIER = /^\p{N}[\p{N},.]*-\p{L}+$/u;

function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g)?.length ?? 0) % 2 === 0;
  const guillemets = (text.match(/«/g)?.length ?? 0) === (text.match(/»/g)?.length ?? 0);
  const curly = (text.match(/“/g)?.length ?? 0) === (text.match(/”/g)?.length ?? 0);
  const parens = (text.match(/\(/g)?.length ?? 0) === (text.match(/\)/g)?.length ?? 0);
  return straight && guillemets && curly && parens;
}

/** Why a sentence is not a complete spoken sentence, or null when it is. */
export function fragmentReason(sentence: string, language: Language): string | null {
  const text = sentence.trim();
  const tokens = words(text);
  if (tokens.length < 3) return 'too short';
  if (!/^["'«“„(]?[\p{Lu}\p{N}]/u.test(text)) return 'starts mid-sentence';
  if (!/[.!?…]["'»”’)]?$/u.test(text)) return 'no sentence end';
  const last = tokens.at(-1)!;
  if (DANGLING_END[language].has(last.toLowerCase())) return `ends on "${last}"`;
  if (HYPHENATED_MODIFIER.test(last)) return `ends on "${last}"`;
  if (!quotesBalanced(text)) return 'unbalanced quotes';
  if (/\b(and|but|or|и|но|а),\s[^,]{0,40}[.!?…]$/iu.test(text)) return 'ends on an interrupted clause';
  const unquoted = text.replace(/^["'«“„]/u, '');
  if (SUBORDINATE_START[language].test(unquoted) && !/[,;—–:]/u.test(text)) return 'a subordinate clause alone';
  if (language === 'en' && /^\p{L}+ing\s/u.test(unquoted) && !/,/.test(text) && !/^(during|nothing|something|everything|anything|king|spring|morning|evening|string|building|thing)\s/i.test(unquoted)) return 'a participle clause alone';
  return null;
}

export const isCompleteSentence = (sentence: string, language: Language) => fragmentReason(sentence, language) === null;

function finish(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').replace(/\s+([,.;:!?…])/g, '$1').replace(/[,;:—–-]+\s*$/, '').trim();
  if (!trimmed) return trimmed;
  const capitalised = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]["'»”’)]?$/u.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The sentence tidied for speech: no parentheses or footnote marks, no leading "However,". */
export function tidySentence(sentence: string, language: Language): string {
  const withoutAsides = sentence.replace(/\s*\([^()]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '');
  return finish(withoutAsides.replace(LEADING_CONNECTORS[language], ''));
}

/**
 * What may be dropped after a comma: a clause that says so by its first word (a relative pronoun,
 * a conjunction, a participle, an attribution), never the rest of a list or of a phrase ("a clear,
 * well thought out plan"; "In the summer of 1898, the chemist ...").
 */
const DROPPABLE_TAIL: Record<Language, RegExp> = {
  en: /^(which|who|whom|whose|where|when|while|whereas|although|though|but|as|after|before|because|since|until|according to|including|with|without|despite|amid|a source|sources|officials?|police|\p{Ll}+ing|\p{Ll}+ed|adding|saying|and (?:is|was|are|were|has|had|will|would|took|takes|made|makes|said|\p{Ll}+ed)\b)\b/u,
  ru: /^(который|которая|которое|которые|которого|которой|которых|которым|где|когда|хотя|но|а|после|потому|поскольку|чтобы|пока|сообщил\p{L}*|заявил\p{L}*|рассказал\p{L}*|отметил\p{L}*|передает|передаёт|по словам|по данным|в том числе|включая|несмотря)(?![\p{L}])/iu,
};

/** What may be dropped between two commas: an aside, an apposition, an age ("Eloise Parry, 21, was"). */
const DROPPABLE_ASIDE: Record<Language, RegExp> = {
  en: /^(\p{N}+|which|who|whose|like|such as|including|roughly|about|around|nearly|known as|according to|for example|for instance|however|of course|in fact|he said|she said|officials said|\p{Ll}+ly)\b/u,
  ru: /^(\p{N}+|который|которая|которое|которые|например|по словам|по данным|впрочем|однако|кстати|в частности|в том числе|как сообщает|как отметил\p{L}*)(?![\p{L}])/iu,
};

/** "the company filed a lawsuit": a clause with its own verb before any relative pronoun is not an apposition. */
function hasOwnVerb(tail: string): boolean {
  const core = tail.split(/\b(?:that|which|who|whose|whom)\b/)[0] ?? tail;
  return /\b(is|are|was|were|has|have|had|will|would|can|could|did|does|said|says|\p{Ll}{3,}ed)\b/u.test(core);
}

/** Candidates one deletion shorter: each droppable ", aside," and each droppable trailing clause. */
function shorterForms(text: string, language: Language): string[] {
  const body = text.replace(/[.!?…]+["'»”’]?$/u, '');
  const out: string[] = [];
  for (const match of body.matchAll(/,\s+([^,]{2,60}),\s+/gu)) {
    const aside = match[1] ?? '';
    const afterName = /\p{Lu}[\p{L}'’-]*$/u.test(body.slice(0, match.index)) && /^(a|an|the)\s/iu.test(aside);
    if (countWords(aside) <= 6 && (DROPPABLE_ASIDE[language].test(aside) || afterName)) out.push(`${body.slice(0, match.index)} ${body.slice((match.index ?? 0) + match[0].length)}`);
  }
  // Commas and semicolons before dashes: in Russian a dash often stands for a verb.
  // " and are insisting ...": a second predicate of the same subject, droppable without a comma.
  const predicates = language === 'en' ? [...body.matchAll(/\s(?=and (?:is|are|was|were|has|have|had|will|would)\s)/g)] : [];
  const cuts = [...body.matchAll(/(,(?=\s)|;)/g), ...body.matchAll(/\s[—–-]{1,2}\s/g), ...predicates].map((m) => ({ at: m.index ?? 0, length: m[0].length, semicolon: m[0] === ';' }));
  for (const cut of cuts.sort((a, b) => b.at - a.at)) {
    const head = body.slice(0, cut.at);
    const tail = body.slice(cut.at + cut.length).trim();
    if (/["»”][,;:]?\s*$/u.test(head)) continue;
    // A relative clause followed by another comma is probably inside the subject ("X, who ..., is").
    const embedded = /^(which|who|whom|whose|где|который|которая|которые|которого)(?![\p{L}])/iu.test(tail) && /,\s/.test(tail);
    // "-ed"/"-ing" may be the main verb ("The thaw, much welcomed by many, worried ..."): only after a plain clause.
    const verbLike = /^\p{Ll}+(ed|ing)\b/u.test(tail) && head.includes(',');
    // An apposition at the end (", a plant that ...", ", the engineer who ..."), after a clause that does not open with a preposition.
    const apposition = language === 'en' && /^(a|an|the)\s/i.test(tail) && !/,\s/.test(tail) && !/^(in|on|at|during|after|before|for|with|by|from|under|over|along|amid|since|until)\s/i.test(head) && !hasOwnVerb(tail) && !/\b(and|but|or|so),\s[^,]*$/i.test(head);
    if (cut.semicolon || apposition || (DROPPABLE_TAIL[language].test(tail) && !embedded && !verbLike)) out.push(head);
  }
  return out.map(finish);
}

/**
 * The longest complete form of the sentence within `maxWords`, made by deletions only; the
 * shortest complete form when none fits (the caller decides whether it is still usable).
 */
export function compressSentence(sentence: string, language: Language, maxWords: number): string {
  const key = `${language}\u0000${maxWords}\u0000${sentence}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size > 20_000) memo.clear();
  const text = compressUncached(sentence, language, maxWords);
  memo.set(key, text);
  return text;
}

/**
 * Compression is pure and the same sentences are tried at the same limits many times while one
 * script is fitted; the memo is cleared per script (forgetCompressions) so timings stay honest.
 */
const memo = new Map<string, string>();

export function forgetCompressions(): void {
  memo.clear();
}

function compressUncached(sentence: string, language: Language, maxWords: number): string {
  let text = tidySentence(sentence, language);
  while (countWords(text) > maxWords) {
    const options = shorterForms(text, language).filter((s) => countWords(s) >= 5 && isCompleteSentence(s, language));
    if (options.length === 0) break;
    const fitting = options.filter((s) => countWords(s) <= maxWords).sort((a, b) => countWords(b) - countWords(a))[0];
    text = fitting ?? options.sort((a, b) => countWords(b) - countWords(a))[0]!;
  }
  return text;
}
