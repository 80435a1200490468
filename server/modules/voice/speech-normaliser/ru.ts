import { firstSaid, nextCore, prevCore, romanValue, speakUrl, URL_PATTERN, type SpeechRule, type TokenContext } from './context.ts';
import { type Agreement, cardinal, type Case, counted, ordinal } from './ru-numbers.ts';
import { ABBREVIATIONS, ACRONYM_WORDS, COUNTED_ABBREVIATIONS, LETTER_NAMES, MONTHS_GENITIVE, NOUNS, PREPOSITION_CASE } from './ru-tables.ts';
import { countedAbbreviation, genderOf, numberCase, numberWords, ordinalFromName, valueOf, yearNoun, yearNounCase } from './ru-agreement.ts';

const NUMBER = String.raw`\d{1,3}(?:[  ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const IS_NUMBER = new RegExp(`^[-−+]?(?:${NUMBER})$`);
const lower = (s: string) => s.toLowerCase();

/** Known spellings of initialisms that letter names get wrong ("США" is "сэ шэ а"). */
const SPELLED: Record<string, string> = { США: 'сэ шэ а', РФ: 'эр эф', ФСБ: 'эф эс бэ', МЧС: 'эм чэ эс', СССР: 'эс эс эс эр', ЕС: 'е эс', ЦБ: 'цэ бэ', ИИ: 'и и', ЖКХ: 'жэ ка ха', ДТП: 'дэ тэ пэ', ВВП: 'вэ вэ пэ', МВД: 'эм вэ дэ', ФБР: 'эф бэ эр' };
/** Two-part abbreviations written with a space ("т. д."): each part says one word. */
const PAIRS: Record<string, [string, string]> = { 'т.|д.': ['так', 'далее'], 'т.|е.': ['то', 'есть'], 'т.|к.': ['так', 'как'], 'т.|п.': ['тому', 'подобное'] };
const YEAR_NOUN = /^(?:год|года|году|годом|годе|годах|годы|годов|г\.|гг\.)$/;
const CENTURY_NOUN = /^(?:век|века|веку|веком|веке|веков|веках|в\.|вв\.)$/;

const capitalise = (words: string) => words.replace(/(^|\s)(\p{L})/gu, (_, s: string, l: string) => s + l.toUpperCase());

const RULES: SpeechRule[] = [
  (core) => (URL_PATTERN.test(core) ? speakUrl(core, { dot: 'точка', slash: 'слэш', at: 'собака' }) : null),
  (core, context) => {
    // A year or a century before "год"/"век" and their abbreviations, ranges included: "в 2019–2021 годах".
    const next = nextCore(context);
    const isCentury = CENTURY_NOUN.test(lower(next));
    if (!YEAR_NOUN.test(lower(next)) && !isCentury) return null;
    const { c } = yearNounCase(context, context.index + 1);
    const say = (part: string) => {
      const value = romanValue(part) ?? (/^\d+$/.test(part) ? Number(part) : null);
      return value === null ? null : ordinal(value, c, 'm');
    };
    const parts = core.split(/[–—-]/);
    const said = parts.map(say);
    return said.every((s) => s !== null) ? said.join(' — ') : null;
  },
  (core, context) => {
    // "г."/"гг."/"в."/"вв." after a year or a century: the noun in the case the number took.
    if (!/^(?:г\.|гг\.|в\.|вв\.)$/.test(core)) return null;
    const previous = prevCore(context);
    if (!/^\d/.test(previous) && romanValue(previous.split(/[–—-]/)[0] ?? '') === null) return null;
    const { c, plural } = yearNounCase(context, context.index);
    return yearNoun(core.startsWith('г') ? 'год' : 'век', c, plural);
  },
  (core) => {
    const match = /^(\d+)-(м|го|му|й|я|е|х|ми|ю|ой|ым)$/.exec(core);
    if (!match) return null;
    const byEnding: Record<string, [Case, Agreement]> = { м: ['prep', 'm'], го: ['gen', 'm'], му: ['dat', 'm'], й: ['nom', 'm'], я: ['nom', 'f'], е: ['nom', 'pl'], х: ['prep', 'pl'], ми: ['ins', 'pl'], ю: ['acc', 'f'], ой: ['gen', 'f'], ым: ['ins', 'm'] };
    const [c, agreement] = byEnding[match[2]!]!;
    return ordinal(Number(match[1]), c, agreement);
  },
  (core, context) => {
    // A date: "12 марта" (genitive by default, as in "случилось 12 марта"), "12.03.2024".
    const numeric = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(core);
    if (numeric && Number(numeric[2]) >= 1 && Number(numeric[2]) <= 12) {
      return `${ordinal(Number(numeric[1]), 'gen', 'n')} ${MONTHS_GENITIVE[Number(numeric[2]) - 1]} ${ordinal(Number(numeric[3]), 'gen', 'm')} года`;
    }
    if (/^\d{1,2}$/.test(core) && MONTHS_GENITIVE.includes(lower(nextCore(context))) && Number(core) <= 31) {
      const preposition = lower(prevCore(context));
      const c: Case = preposition === 'к' ? 'dat' : preposition === 'на' || preposition === 'по' ? 'acc' : 'gen';
      return ordinal(Number(core), c, 'n');
    }
    if (/^\d{4}$/.test(core) && MONTHS_GENITIVE.includes(lower(prevCore(context)))) return `${ordinal(Number(core), 'gen', 'm')} года`;
    return null;
  },
  (core) => {
    const match = /^(\d{1,2}):(\d{2})$/.exec(core);
    if (!match || Number(match[1]) > 24 || Number(match[2]) > 59) return null;
    const [hours, minutes] = [Number(match[1]), Number(match[2])];
    if (minutes === 0) return `${cardinal(hours)} ${counted(hours, 'nom', NOUNS.час)}`;
    return `${cardinal(hours)} ${minutes < 10 ? `ноль ${cardinal(minutes)}` : cardinal(minutes)}`;
  },
  (core, context) => {
    // A number glued to its unit or currency: "5%", "20км", "$5", "35°C", "5–7%".
    const units = Object.keys(COUNTED_ABBREVIATIONS).map((u) => u.replace(/[/^$.*+?()[\]{}|]/g, '\\$&')).join('|');
    const match = new RegExp(`^([$€£])?(${NUMBER})(?:\\s*[–—-]\\s*(${NUMBER}))?\\s*(${units})?$`).exec(core);
    const unit = match?.[1] ?? match?.[4];
    if (!match || !unit || (match[1] && match[4])) return null;
    const abbreviation = COUNTED_ABBREVIATIONS[unit]!;
    const c = numberCase(context);
    const gender = NOUNS[abbreviation.noun].gender;
    const last = match[3] ?? match[2]!;
    const scale = COUNTED_ABBREVIATIONS[nextCore(context)];
    const amount = match[3] ? `${numberWords(match[2]!, c, gender, true)} — ${numberWords(last, c, gender, true)}` : numberWords(last, c, gender, true);
    // "$5 млн": the scale word comes first, the currency after it.
    if (match[1] && scale && NOUNS[scale.noun].gender !== undefined && ['миллион', 'миллиард', 'тысяча'].includes(scale.noun)) return numberWords(last, c, NOUNS[scale.noun].gender, true);
    const noun = countedAbbreviation(unit, { ...context, cores: context.cores.map((x, i) => (i === context.index ? last : x)) }, context.index);
    return `${amount} ${noun}`;
  },
  (core, context) => {
    // A unit, currency or scale after a number: "5 км", "38 млрд", "руб." after "млн".
    if (!COUNTED_ABBREVIATIONS[core]) return null;
    const previous = prevCore(context);
    if (COUNTED_ABBREVIATIONS[previous] && ['миллион', 'миллиард', 'тысяча'].includes(COUNTED_ABBREVIATIONS[previous].noun)) return NOUNS[COUNTED_ABBREVIATIONS[core].noun].pl[1];
    const money = /^([$€£])\d/.exec(previous);
    if (IS_NUMBER.test(previous) || money) {
      const said = countedAbbreviation(core, context, context.index - 1);
      return money ? `${said} ${NOUNS[COUNTED_ABBREVIATIONS[money[1]!]!.noun].pl[1]}` : said;
    }
    return ABBREVIATIONS[core] ?? null;
  },
  (core, context) => {
    // A range: "5–7 человек" → "от пяти до семи", "в 5–7 раз" → "в пять — семь".
    const match = new RegExp(`^(${NUMBER})\\s*[–—-]\\s*(${NUMBER})$`).exec(core);
    if (!match) return null;
    const gender = genderOf(nextCore(context));
    if (PREPOSITION_CASE[lower(prevCore(context))]) {
      const c = numberCase(context);
      return `${numberWords(match[1]!, c, gender, false)} — ${numberWords(match[2]!, c, gender, true)}`;
    }
    return `от ${numberWords(match[1]!, 'gen', gender, false)} до ${numberWords(match[2]!, 'gen', gender, true)}`;
  },
  (core, context) => {
    // "5 000" written with a plain space: the first group says the whole number, the rest nothing.
    if (/^\d{3}(?:,\d+)?$/.test(core) && /^\d{1,3}$/.test(prevCore(context))) return '';
    if (!/^\d{1,3}$/.test(core) || !/^\d{3}(?:,\d+)?$/.test(nextCore(context))) return null;
    let whole = core;
    for (let i = context.index + 1; /^\d{3}(?:,\d+)?$/.test(context.cores[i] ?? ''); i++) whole += context.cores[i];
    const after = context.cores[context.index + whole.replace(/,\d+$/, '').length / 3] ?? '';
    const grouped = { ...context, cores: context.cores.map((c, i) => (i === context.index ? whole : i === context.index + 1 ? after : c)) };
    return speakRussian({ ...grouped, core: whole });
  },
  (core, context) => {
    if (!IS_NUMBER.test(core)) return null;
    const value = valueOf(core);
    const preposition = lower(prevCore(context));
    const next = nextCore(context);
    // "в 2019", "к 2030": a year without the word "год"; it is said with it.
    const yearCase: Record<string, Case> = { в: 'prep', во: 'prep', с: 'gen', со: 'gen', до: 'gen', после: 'gen', от: 'gen', к: 'dat' };
    if (/^\d{4}$/.test(core) && value >= 1800 && value <= 2100 && yearCase[preposition] && !/^[а-яё]/.test(next)) {
      const c = yearCase[preposition];
      return `${ordinal(value, c, 'm')} ${yearNoun('год', c, false)}`;
    }
    return numberWords(core, numberCase(context), genderOf(next), /^[а-яё]/i.test(next) || Boolean(COUNTED_ABBREVIATIONS[next]));
  },
  (core, context) => {
    const value = romanValue(core);
    if (value === null) return null;
    const previous = prevCore(context);
    if (/^\p{Lu}\p{Ll}+$/u.test(previous) && context.index > 0 && (core.length > 1 || /^(?:Пётр|Петр|Петра|Павел|Николай|Александр|Иван|Екатерина|Елизавета|Карл|Людовик|Генрих|Фёдор|Федор)/.test(previous))) {
      const { c, agreement } = ordinalFromName(previous);
      return capitalise(ordinal(value, c, agreement));
    }
    return core.length > 1 ? cardinal(value) : null;
  },
  (core, context) => {
    const pair = PAIRS[`${core}|${nextCore(context)}`];
    if (pair) return pair[0];
    const closing = PAIRS[`${prevCore(context)}|${core}`];
    return closing ? closing[1] : null;
  },
  (core) => (Object.hasOwn(ABBREVIATIONS, core) ? ABBREVIATIONS[core]! : null),
  (core) => {
    const match = /^([А-ЯЁ]{2,6})$/.exec(core);
    if (!match) return null;
    if (SPELLED[core]) return SPELLED[core];
    if (ACRONYM_WORDS.has(core)) return lower(core);
    if (core.length >= 4 && /[АЕЁИОУЫЭЮЯ]/.test(core)) return null;
    return core.split('').map((letter) => LETTER_NAMES[letter] ?? letter).join(' ');
  },
  (core) => ({ '&': 'и', '+': 'плюс', '=': 'равно', '~': 'около', '≈': 'около', '№': 'номер', '@': 'собака', '×': 'на' })[core] ?? null,
  (core, context) => (/^[№#]\s*\d+$/.test(core) ? `номер ${cardinal(Number(core.replace(/\D/g, '')), numberCase(context))}` : null),
  (core) => {
    // A number inside a word: "5-летний" → "пятилетний", "COVID-19" → "COVID девятнадцать".
    const compound = /^(\d+)-([а-яё]+)$/.exec(core);
    const prefixes: Record<number, string> = { 1: 'одно', 2: 'двух', 3: 'трёх', 4: 'четырёх', 5: 'пяти', 6: 'шести', 7: 'семи', 8: 'восьми', 9: 'девяти', 10: 'десяти', 12: 'двенадцати', 15: 'пятнадцати', 20: 'двадцати', 30: 'тридцати', 40: 'сорока', 50: 'пятидесяти', 100: 'сто' };
    const prefix = compound ? prefixes[Number(compound[1])] : undefined;
    if (compound && prefix) return prefix + compound[2];
    if (!/\d/.test(core)) return null;
    return core.replace(/\d+/g, (n) => ` ${cardinal(Number(n))} `).replace(/\s*-\s*/g, ' ').replace(/\s+/g, ' ').trim();
  },
];

export function speakRussian(context: TokenContext): string | null {
  return firstSaid(RULES, context);
}

export function isRussianAbbreviation(core: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, core) || Object.hasOwn(COUNTED_ABBREVIATIONS, core) || /^(?:г|гг|в|вв|т|е|д|к|п)\.$/.test(core);
}
