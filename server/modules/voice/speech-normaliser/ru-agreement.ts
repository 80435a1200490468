/** Russian agreement: the case and gender a number takes from the words around it. */
import type { TokenContext } from './context.ts';
import { type Agreement, cardinal, type Case, counted, type Gender } from './ru-numbers.ts';
import { COUNTED_ABBREVIATIONS, FEMININE_STEMS, MONTHS_GENITIVE, NEUTER_STEMS, NOUNS, PREPOSITION_CASE } from './ru-tables.ts';

const lower = (s: string) => s.toLowerCase();
export const valueOf = (written: string) => Number(written.replace(/[  ]/g, '').replace(',', '.').replace('−', '-'));

export function genderOf(word: string): Gender {
  const counted = COUNTED_ABBREVIATIONS[word];
  if (counted) return NOUNS[counted.noun].gender;
  const w = lower(word);
  if (FEMININE_STEMS.test(w)) return 'f';
  if (NEUTER_STEMS.test(w)) return 'n';
  return 'm';
}

/** The case of a number: from an oblique plural noun after it, else from the preposition before it. */
export function numberCase(context: TokenContext, index = context.index): Case {
  const noun = lower(context.cores[index + 1] ?? '');
  if (/[а-яё]{2}(?:ами|ями)$/.test(noun)) return 'ins';
  if (/[а-яё]{2}(?:ах|ях)$/.test(noun)) return 'prep';
  if (/[а-яё]{2}(?:ам|ям)$/.test(noun)) return 'dat';
  const preposition = lower(context.cores[index - 1] ?? '');
  const found = PREPOSITION_CASE[preposition];
  if ((preposition === 'с' || preposition === 'со') && /(?:ом|ем|ой|ей)$/.test(noun)) return 'ins';
  return found ?? 'nom';
}

/** Case and number of the noun "год"/"век" (or their abbreviations) standing after a number. */
export function yearNounCase(context: TokenContext, nounIndex: number): { c: Case; plural: boolean } {
  const noun = lower(context.cores[nounIndex] ?? '');
  const before = lower(context.cores[nounIndex - 2] ?? '');
  const forms: Record<string, { c: Case; plural: boolean }> = {
    год: { c: 'nom', plural: false }, года: { c: 'gen', plural: false }, годом: { c: 'ins', plural: false }, годе: { c: 'prep', plural: false }, годах: { c: 'prep', plural: true }, годы: { c: 'nom', plural: true }, годов: { c: 'gen', plural: true },
    век: { c: 'nom', plural: false }, века: { c: 'gen', plural: false }, веком: { c: 'ins', plural: false }, веке: { c: 'prep', plural: false }, веков: { c: 'gen', plural: true }, веках: { c: 'prep', plural: true },
  };
  if (forms[noun]) return forms[noun];
  const plural = noun === 'гг.' || noun === 'вв.';
  if (noun === 'году' || noun === 'веку') return { c: before === 'к' || before === 'по' ? 'dat' : 'prep', plural: false };
  if (before === 'в' || before === 'во' || before === 'о' || before === 'при') return { c: 'prep', plural };
  if (MONTHS_GENITIVE.includes(before) || PREPOSITION_CASE[before] === 'gen') return { c: 'gen', plural };
  if (before === 'к') return { c: 'dat', plural };
  return { c: 'nom', plural };
}

/** "год"/"век" in a case; the singular prepositional is the locative "в году", "в веке". */
export function yearNoun(noun: 'год' | 'век', c: Case, plural: boolean): string {
  if (noun === 'год' && c === 'prep' && !plural) return 'году';
  const forms = NOUNS[noun];
  return (plural ? forms.pl : forms.sg)[['nom', 'gen', 'dat', 'acc', 'ins', 'prep'].indexOf(c)]!;
}

/** "6,2" → "шесть целых две десятых"; "1,5" before a noun → "полтора". */
export function decimalWords(written: string, c: Case, gender: Gender, beforeNoun: boolean): string {
  const [whole = '0', fraction = ''] = written.replace(/[  ]/g, '').split(',');
  const w = Number(whole);
  if (beforeNoun && fraction === '5' && w >= 1) {
    if (w === 1) return c === 'nom' || c === 'acc' ? (gender === 'f' ? 'полторы' : 'полтора') : 'полутора';
    return `${cardinal(w, c, gender)} с половиной`;
  }
  const denominators: Record<number, string> = { 1: 'десят', 2: 'сот', 3: 'тысячн' };
  const part = Number(fraction);
  const wholeWord = w % 10 === 1 && w % 100 !== 11 ? 'целая' : 'целых';
  const partWord = part % 10 === 1 && part % 100 !== 11 ? 'ая' : 'ых';
  return `${cardinal(w, c, 'f')} ${wholeWord} ${cardinal(part, c, 'f')} ${denominators[fraction.length] ?? 'десят'}${partWord}`;
}

export function numberWords(written: string, c: Case, gender: Gender, beforeNoun: boolean): string {
  const sign = /^[-−]/.test(written) ? 'минус ' : /^\+/.test(written) ? 'плюс ' : '';
  if (sign) return sign + numberWords(written.slice(1), c, gender, beforeNoun);
  return written.includes(',') ? decimalWords(written, c, gender, beforeNoun) : cardinal(valueOf(written), c, gender);
}

/** The counted noun of an abbreviation after a number: "км" after "5" → "километров". */
export function countedAbbreviation(abbreviation: string, context: TokenContext, numberIndex: number): string {
  const { noun, before, after } = COUNTED_ABBREVIATIONS[abbreviation]!;
  const written = context.cores[numberIndex]!.replace(/^[$€£]/, '').replace(/^[-−+]/, '');
  const c = numberCase(context, numberIndex);
  const value = valueOf(written);
  const fractional = written.includes(',') && !/,5$/.test(written);
  const form = counted(Number.isInteger(value) ? value : Math.floor(value), c, NOUNS[noun], fractional || /,5$/.test(written));
  const adjective = before ? (value === 1 && (c === 'nom' || c === 'acc') ? before : 'квадратных') : '';
  return [adjective, form, after].filter(Boolean).join(' ');
}

/** Case and gender of a regnal number from the ruler's name before it ("Петра I" → genitive masculine). */
export function ordinalFromName(name: string): { c: Case; agreement: Agreement } {
  const n = lower(name);
  if (/^(?:екатерина|елизавета|анна|мария|софья|ольга|елена|ирина)$/.test(n)) return { c: 'nom', agreement: 'f' };
  if (/(?:ины|еты|ии|ны)$/.test(n)) return { c: 'gen', agreement: 'f' };
  if (/(?:иной|етой|ией|ной)$/.test(n)) return { c: 'ins', agreement: 'f' };
  if (/(?:ом|ем)$/.test(n)) return { c: 'ins', agreement: 'm' };
  if (/[ая]$/.test(n)) return { c: 'gen', agreement: 'm' };
  if (/[ую]$/.test(n)) return { c: 'dat', agreement: 'm' };
  if (/е$/.test(n)) return { c: 'prep', agreement: 'm' };
  return { c: 'nom', agreement: 'm' };
}
