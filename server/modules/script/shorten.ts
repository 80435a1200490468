import type { Language } from '../../../contracts/formats.ts';
import { countWords } from '../analysis/text-units.ts';

/*
 * Shortening a source sentence for speech without inventing words: only deletions that keep a
 * main clause (parentheticals, leading connectors, short comma insertions, trailing clauses), and
 * never a cut that leaves a quotation open.
 */

const LEADING_CONNECTORS: Record<Language, RegExp> = {
  en: /^(however|meanwhile|moreover|furthermore|in addition|also|but|and|so|still|yet|indeed|in fact|of course|at the same time|as a result)\b,?\s+/i,
  ru: /^(однако|при этом|кроме того|также|но|а также|а|и|впрочем|тем не менее|более того|в то же время|в итоге|между тем)(?![\p{L}]),?\s+/iu,
};

const MIN_CLAUSE_WORDS = 5;

function finish(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').replace(/\s+([,.;:!?…])/g, '$1').replace(/[,;:—–-]+\s*$/, '').trim();
  if (!trimmed) return trimmed;
  const capitalised = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]["'»”]?$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Straight quotes balanced and every opening «“ closed. */
function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g)?.length ?? 0) % 2 === 0;
  const guillemets = (text.match(/«/g)?.length ?? 0) === (text.match(/»/g)?.length ?? 0);
  const curly = (text.match(/“/g)?.length ?? 0) === (text.match(/”/g)?.length ?? 0);
  return straight && guillemets && curly;
}

function withoutParentheticals(text: string): string {
  return text.replace(/\s*\([^()]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '');
}

function withoutLeadingConnector(text: string, language: Language): string {
  return text.replace(LEADING_CONNECTORS[language], '');
}

/** Removes one short ", insertion," (up to 6 words) that is not part of a quote. */
function withoutShortInsertion(text: string): string | null {
  const match = /,\s+([^,]{2,60}),\s+/u.exec(text);
  if (!match || countWords(match[1] ?? '') > 6) return null;
  const candidate = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  return quotesBalanced(candidate) && countWords(candidate) >= MIN_CLAUSE_WORDS ? candidate : null;
}

/**
 * Drops everything after the last comma or semicolon (then, failing that, the last dash), if a
 * clause of 5+ words remains. Dashes come last because in Russian they often stand for a verb
 * ("пять тысяч — на финском"), and cutting there leaves a fragment.
 */
function withoutTrailingClause(text: string): string | null {
  const body = text.replace(/[.!?…]+["'»”]?$/, '');
  const positions = (pattern: RegExp) => Array.from(body.matchAll(pattern)).map((m) => m.index ?? 0).reverse();
  for (const cut of [...positions(/(,(?=\s)|;)/g), ...positions(/\s[—–-]\s/g)]) {
    const candidate = body.slice(0, cut);
    // A quotation left without its speaker is not kept.
    const bareQuote = /["»”][,;:]?\s*$/.test(candidate);
    if (countWords(candidate) >= MIN_CLAUSE_WORDS && quotesBalanced(candidate) && !bareQuote) return candidate;
  }
  return null;
}

/** The sentence tidied for speech: no parentheses, no leading "However,". */
export function tidySentence(sentence: string, language: Language): string {
  return finish(withoutLeadingConnector(withoutParentheticals(sentence), language));
}

/**
 * Shortens a sentence to at most `maxWords` if deletions allow; returns the shortest acceptable
 * form otherwise (the caller decides whether it still fits).
 */
export function shortenSentence(sentence: string, language: Language, maxWords: number): string {
  let text = tidySentence(sentence, language);
  while (countWords(text) > maxWords) {
    const next = withoutShortInsertion(text) ?? withoutTrailingClause(text);
    if (next === null) break;
    text = finish(next);
  }
  return text;
}

export { finish as finishSentence };
