/**
 * Russian number words in every case and gender: cardinals (all parts decline in oblique cases),
 * ordinals (only the last word is ordinal), and counted nouns (1 рубль, 2 рубля, 5 рублей).
 */

export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'prep';
export type Gender = 'm' | 'f' | 'n';
const CASES: Case[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'prep'];
const at = (c: Case) => CASES.indexOf(c);

/** Forms by case (nom, gen, dat, acc, ins, prep). */
type Forms = [string, string, string, string, string, string];

const ONE: Record<Gender, Forms> = {
  m: ['один', 'одного', 'одному', 'один', 'одним', 'одном'],
  f: ['одна', 'одной', 'одной', 'одну', 'одной', 'одной'],
  n: ['одно', 'одного', 'одному', 'одно', 'одним', 'одном'],
};
const TWO_M: Forms = ['два', 'двух', 'двум', 'два', 'двумя', 'двух'];
const TWO_F: Forms = ['две', 'двух', 'двум', 'две', 'двумя', 'двух'];
const SMALL: Record<number, Forms> = {
  3: ['три', 'трёх', 'трём', 'три', 'тремя', 'трёх'],
  4: ['четыре', 'четырёх', 'четырём', 'четыре', 'четырьмя', 'четырёх'],
  40: ['сорок', 'сорока', 'сорока', 'сорок', 'сорока', 'сорока'],
  90: ['девяносто', 'девяноста', 'девяноста', 'девяносто', 'девяноста', 'девяноста'],
  100: ['сто', 'ста', 'ста', 'сто', 'ста', 'ста'],
  50: ['пятьдесят', 'пятидесяти', 'пятидесяти', 'пятьдесят', 'пятьюдесятью', 'пятидесяти'],
  60: ['шестьдесят', 'шестидесяти', 'шестидесяти', 'шестьдесят', 'шестьюдесятью', 'шестидесяти'],
  70: ['семьдесят', 'семидесяти', 'семидесяти', 'семьдесят', 'семьюдесятью', 'семидесяти'],
  80: ['восемьдесят', 'восьмидесяти', 'восьмидесяти', 'восемьдесят', 'восьмьюдесятью', 'восьмидесяти'],
  200: ['двести', 'двухсот', 'двумстам', 'двести', 'двумястами', 'двухстах'],
  300: ['триста', 'трёхсот', 'трёмстам', 'триста', 'тремястами', 'трёхстах'],
  400: ['четыреста', 'четырёхсот', 'четырёмстам', 'четыреста', 'четырьмястами', 'четырёхстах'],
  500: ['пятьсот', 'пятисот', 'пятистам', 'пятьсот', 'пятьюстами', 'пятистах'],
  600: ['шестьсот', 'шестисот', 'шестистам', 'шестьсот', 'шестьюстами', 'шестистах'],
  700: ['семьсот', 'семисот', 'семистам', 'семьсот', 'семьюстами', 'семистах'],
  800: ['восемьсот', 'восьмисот', 'восьмистам', 'восемьсот', 'восьмьюстами', 'восьмистах'],
  900: ['девятьсот', 'девятисот', 'девятистам', 'девятьсот', 'девятьюстами', 'девятистах'],
};
/** 5–20 and 30 decline like "пять": пяти in gen/dat/prep, пятью in ins. */
const SOFT: Record<number, string> = {
  5: 'пять', 6: 'шесть', 7: 'семь', 8: 'восемь', 9: 'девять', 10: 'десять', 11: 'одиннадцать', 12: 'двенадцать', 13: 'тринадцать', 14: 'четырнадцать',
  15: 'пятнадцать', 16: 'шестнадцать', 17: 'семнадцать', 18: 'восемнадцать', 19: 'девятнадцать', 20: 'двадцать', 30: 'тридцать',
};

function soft(word: string, c: Case): string {
  if (c === 'nom' || c === 'acc') return word;
  const stem = word === 'восемь' ? 'восьм' : word.slice(0, -1);
  return c === 'ins' ? `${stem}ью` : `${stem}и`;
}

function part(n: number, c: Case, gender: Gender): string {
  if (n === 1) return ONE[gender][at(c)]!;
  if (n === 2) return (gender === 'f' ? TWO_F : TWO_M)[at(c)]!;
  if (SMALL[n]) return SMALL[n][at(c)]!;
  if (SOFT[n]) return soft(SOFT[n], c);
  return '';
}

/** 1..999 as words, split into hundreds, tens and units. */
function belowThousand(n: number, c: Case, gender: Gender): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100) * 100;
  let rest = n % 100;
  if (hundreds) words.push(part(hundreds, c, gender));
  if (rest >= 20 && rest % 10 !== 0) {
    words.push(part(rest - (rest % 10), c, gender));
    rest %= 10;
  }
  if (rest) words.push(part(rest, c, gender));
  return words;
}

/** Forms of a counted noun: singular then plural, each by case. */
export interface NounForms {
  gender: Gender;
  sg: Forms;
  pl: Forms;
}

export const SCALE_NOUNS: Array<[number, NounForms]> = [
  [1e9, { gender: 'm', sg: ['миллиард', 'миллиарда', 'миллиарду', 'миллиард', 'миллиардом', 'миллиарде'], pl: ['миллиарды', 'миллиардов', 'миллиардам', 'миллиарды', 'миллиардами', 'миллиардах'] }],
  [1e6, { gender: 'm', sg: ['миллион', 'миллиона', 'миллиону', 'миллион', 'миллионом', 'миллионе'], pl: ['миллионы', 'миллионов', 'миллионам', 'миллионы', 'миллионами', 'миллионах'] }],
  [1e3, { gender: 'f', sg: ['тысяча', 'тысячи', 'тысяче', 'тысячу', 'тысячей', 'тысяче'], pl: ['тысячи', 'тысяч', 'тысячам', 'тысячи', 'тысячами', 'тысячах'] }],
];

/** The noun form a count takes: 1 рубль, 2 рубля, 5 рублей; in oblique cases the plural of that case. */
export function counted(n: number, c: Case, noun: NounForms, fractional = false): string {
  if (fractional) return noun.sg[1];
  const lastTwo = n % 100;
  const last = n % 10;
  if (c === 'nom' || c === 'acc') {
    if (lastTwo >= 11 && lastTwo <= 14) return noun.pl[1];
    if (last === 1) return noun.sg[at(c)]!;
    if (last >= 2 && last <= 4) return noun.sg[1];
    return noun.pl[1];
  }
  return last === 1 && lastTwo !== 11 ? noun.sg[at(c)]! : noun.pl[at(c)]!;
}

/** A whole number in words, agreeing in case and gender: (21, 'nom', 'f') → "двадцать одна". */
export function cardinal(n: number, c: Case = 'nom', gender: Gender = 'm'): string {
  if (n < 0) return `минус ${cardinal(-n, c, gender)}`;
  if (n === 0) return c === 'gen' || c === 'dat' || c === 'prep' ? 'нуля' : c === 'ins' ? 'нулём' : 'ноль';
  const words: string[] = [];
  let rest = n;
  for (const [size, noun] of SCALE_NOUNS) {
    const count = Math.floor(rest / size);
    if (!count) continue;
    // "тысяча двести", "миллион человек": a leading single thousand or million is said without "один".
    if (count !== 1 || words.length > 0) words.push(...belowThousand(count, c, noun.gender));
    words.push(counted(count, c, noun));
    rest %= size;
  }
  if (rest) words.push(...belowThousand(rest, c, gender));
  return words.join(' ');
}

/** Masculine nominative ordinals of the parts. */
const ORDINAL_PARTS: Record<number, string> = {
  1: 'первый', 2: 'второй', 3: 'третий', 4: 'четвёртый', 5: 'пятый', 6: 'шестой', 7: 'седьмой', 8: 'восьмой', 9: 'девятый', 10: 'десятый',
  11: 'одиннадцатый', 12: 'двенадцатый', 13: 'тринадцатый', 14: 'четырнадцатый', 15: 'пятнадцатый', 16: 'шестнадцатый', 17: 'семнадцатый',
  18: 'восемнадцатый', 19: 'девятнадцатый', 20: 'двадцатый', 30: 'тридцатый', 40: 'сороковой', 50: 'пятидесятый', 60: 'шестидесятый',
  70: 'семидесятый', 80: 'восьмидесятый', 90: 'девяностый', 100: 'сотый', 200: 'двухсотый', 300: 'трёхсотый', 400: 'четырёхсотый',
  500: 'пятисотый', 600: 'шестисотый', 700: 'семисотый', 800: 'восьмисотый', 900: 'девятисотый',
};
/** Genitive prefixes of round thousands: 2000 → "двухтысячный". */
const THOUSAND_PREFIX: Record<number, string> = { 1: '', 2: 'двух', 3: 'трёх', 4: 'четырёх', 5: 'пяти', 6: 'шести', 7: 'семи', 8: 'восьми', 9: 'девяти', 10: 'десяти' };

export type Agreement = Gender | 'pl';
const HARD: Record<Agreement, Forms> = {
  m: ['ый', 'ого', 'ому', 'ый', 'ым', 'ом'],
  f: ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'],
  n: ['ое', 'ого', 'ому', 'ое', 'ым', 'ом'],
  pl: ['ые', 'ых', 'ым', 'ые', 'ыми', 'ых'],
};
const THIRD: Record<Agreement, Forms> = {
  m: ['третий', 'третьего', 'третьему', 'третий', 'третьим', 'третьем'],
  f: ['третья', 'третьей', 'третьей', 'третью', 'третьей', 'третьей'],
  n: ['третье', 'третьего', 'третьему', 'третье', 'третьим', 'третьем'],
  pl: ['третьи', 'третьих', 'третьим', 'третьи', 'третьими', 'третьих'],
};

/** Declines a masculine nominative ordinal ("второй", "пятый", "третий") like an adjective. */
export function declineOrdinal(word: string, c: Case, agreement: Agreement): string {
  if (word.endsWith('третий')) return word.slice(0, -6) + THIRD[agreement][at(c)]!;
  const stressed = word.endsWith('ой');
  const stem = word.slice(0, -2);
  if (agreement === 'm' && (c === 'nom' || c === 'acc') && stressed) return word;
  return stem + HARD[agreement][at(c)]!;
}

/** An ordinal in words: (2019, 'prep', 'm') → "две тысячи девятнадцатом". */
export function ordinal(n: number, c: Case = 'nom', agreement: Agreement = 'm'): string {
  const below = n % 1000;
  if (below === 0 && n > 0) {
    const thousands = n / 1000;
    const millions = thousands / 1000;
    if (Number.isInteger(millions) && THOUSAND_PREFIX[millions] !== undefined) return THOUSAND_PREFIX[millions] + declineOrdinal('миллионный', c, agreement);
    if (THOUSAND_PREFIX[thousands] !== undefined) return THOUSAND_PREFIX[thousands] + declineOrdinal('тысячный', c, agreement);
    return `${cardinal(n)}`.replace(/\S+$/, declineOrdinal('тысячный', c, agreement));
  }
  const lead = n - below;
  const hundreds = Math.floor(below / 100) * 100;
  const tens = below % 100 >= 20 ? below % 100 - (below % 10) : 0;
  const last = below % 100 >= 20 ? below % 10 : below % 100;
  const parts: string[] = [];
  if (lead) parts.push(cardinal(lead));
  const lastPart = last || tens || hundreds;
  if (hundreds && lastPart !== hundreds) parts.push(cardinal(hundreds));
  if (tens && lastPart !== tens) parts.push(cardinal(tens));
  parts.push(declineOrdinal(ORDINAL_PARTS[lastPart]!, c, agreement));
  return parts.join(' ');
}
