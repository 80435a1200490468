import { firstSaid, nearby, nextCore, prevCore, romanValue, speakUrl, URL_PATTERN, type SpeechRule, type TokenContext } from './context.ts';
import { cardinal, decade, fraction, numberWords, ordinal, year } from './en-numbers.ts';
import { ABBREVIATIONS, ACRONYM_WORDS, CENTS, CURRENCY, CURRENCY_CODES, MONTHS, NINE_ELEVEN_CUES, ROMAN_CARDINAL_CUES, SCALE_WORDS, SYMBOLS, UNITS, YEAR_CUES } from './en-tables.ts';

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const RANGE_DASH = /[–—-]/;
const MONTH_ABBREVIATIONS = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/;

function isOne(written: string): boolean {
  return Number(written.replace(/,/g, '')) === 1;
}

function isYear(written: string, context: TokenContext): boolean {
  if (!/^\d{4}$/.test(written)) return false;
  const value = Number(written);
  if (value < 1000 || value > 2099) return false;
  const next = nextCore(context).toLowerCase();
  if (UNITS[nextCore(context)] || SCALE_WORDS[next] || /^(people|dollars|euros|pounds|times|units|homes|jobs|cases|deaths|votes|years|miles|feet|members|employees|students|troops|words|copies)$/.test(next)) return false;
  return YEAR_CUES.has(prevCore(context).toLowerCase()) || !/^[a-z]/.test(next) || value >= 1900;
}

/** A number as said in its place: a year, a day of a month, or a count. */
function speakNumber(written: string, context: TokenContext): string {
  if (isYear(written, context)) return year(Number(written));
  const month = (word: string) => MONTHS.includes(word.toLowerCase()) || MONTH_ABBREVIATIONS.test(word);
  if (/^\d{1,2}$/.test(written) && Number(written) <= 31 && (month(prevCore(context)) || month(nextCore(context)))) {
    return month(nextCore(context)) ? `the ${ordinal(Number(written))} of` : ordinal(Number(written));
  }
  return numberWords(written);
}

function money(symbol: string, amount: string, scale: string | undefined, context: TokenContext): string {
  const [one, many] = CURRENCY[symbol] ?? ['dollar', 'dollars'];
  const scaleWord = scale ? SCALE_WORDS[scale] : undefined;
  if (scaleWord) return `${numberWords(amount)} ${scaleWord} ${many}`;
  // "$5 million": the scale word that follows says the currency.
  if (SCALE_WORDS[nextCore(context).toLowerCase()]) return numberWords(amount);
  const [whole = '0', cents] = amount.replace(/,/g, '').split('.');
  const wholeWords = `${cardinal(Number(whole))} ${isOne(whole) ? one : many}`;
  if (!cents || /^0+$/.test(cents)) return wholeWords;
  const [cent, centsWord] = CENTS[symbol] ?? ['cent', 'cents'];
  const centValue = Number(cents.padEnd(2, '0').slice(0, 2));
  return `${wholeWords} and ${cardinal(centValue)} ${centValue === 1 ? cent : centsWord}`;
}

function time(hours: number, minutes: number, suffix: string | undefined): string {
  const said = minutes === 0 ? (suffix ? cardinal(hours) : `${cardinal(hours)} o'clock`) : `${cardinal(hours)} ${minutes < 10 ? `oh ${cardinal(minutes)}` : cardinal(minutes)}`;
  return suffix ? `${said} ${suffix.toLowerCase().replace(/\./g, '').split('').join(' ')}` : said;
}

function letters(text: string): string {
  return text.replace(/\./g, '').split('').join(' ');
}

const RULES: SpeechRule[] = [
  (core) => (URL_PATTERN.test(core) ? speakUrl(core, { dot: 'dot', slash: 'slash', at: 'at' }) : null),
  (core, context) => {
    const match = new RegExp(String.raw`^(US\$|[$£€¥₽₹])(${NUMBER})(k|K|m|M|mn|bn|b|B|tn)?$`).exec(core);
    return match ? money(match[1]!, match[2]!, match[3], context) : null;
  },
  (core, context) => {
    // "million" after "$5": the currency is said after the scale word.
    const previous = /^(US\$|[$£€¥₽₹])\d/.exec(prevCore(context));
    const scale = SCALE_WORDS[core.toLowerCase()];
    return previous && scale ? `${scale} ${(CURRENCY[previous[1]!] ?? ['', 'dollars'])[1]}` : null;
  },
  (core) => {
    const match = new RegExp(String.raw`^(${NUMBER})(?:\s*[–—-]\s*(${NUMBER}))?\s*%$`).exec(core);
    if (!match) return null;
    return match[2] ? `${numberWords(match[1]!)} to ${numberWords(match[2])} percent` : `${numberWords(match[1]!)} percent`;
  },
  (core, context) => {
    const match = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(core);
    if (!match) return null;
    const [a, b, y] = [Number(match[1]), Number(match[2]), match[3]];
    if (y && a <= 12 && b <= 31) return `${MONTHS[a - 1]!.replace(/^./, (c) => c.toUpperCase())} ${ordinal(b)}, ${year(Number(y.length === 2 ? `20${y}` : y))}`;
    if (core === '9/11' && (nearby(context, 4).some((w) => NINE_ELEVEN_CUES.test(w.replace(/\W/g, ''))) || !/^\d/.test(nextCore(context)))) return 'nine eleven';
    if (core === '24/7') return 'twenty-four seven';
    return b <= 10 && a < b * 4 ? fraction(a, b) : `${cardinal(a)} over ${cardinal(b)}`;
  },
  (core) => {
    const match = /^(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?$/i.exec(core);
    return match && Number(match[1]) <= 24 && Number(match[2]) < 60 ? time(Number(match[1]), Number(match[2]), match[3]) : null;
  },
  (core) => {
    const match = /^(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)$/i.exec(core);
    return match ? time(Number(match[1]), Number(match[2] ?? 0), match[3]) : null;
  },
  (core) => {
    const match = /^(\d+)(st|nd|rd|th)$/i.exec(core);
    return match ? ordinal(Number(match[1])) : null;
  },
  (core) => {
    const match = /^['’]?(\d{2}|\d{4})['’]?s$/.exec(core);
    return match ? decade(Number(match[1])) : null;
  },
  (core, context) => {
    const match = new RegExp(String.raw`^(${NUMBER})\s*[–—-]\s*(${NUMBER})$`).exec(core);
    if (!match) return null;
    const [from, to] = [match[1]!, match[2]!];
    const years = isYear(from, context) && /^\d{4}$/.test(to);
    const joiner = prevCore(context).toLowerCase() === 'between' ? 'and' : 'to';
    return years ? `${year(Number(from))} ${joiner} ${year(Number(to))}` : `${numberWords(from)} ${joiner} ${numberWords(to)}`;
  },
  (core, context) => {
    const match = new RegExp(String.raw`^(${NUMBER})\s*(${Object.keys(UNITS).map((u) => u.replace(/[/^$.*+?()[\]{}|]/g, '\\$&')).join('|')})$`).exec(core);
    if (!match) return null;
    const [one, many] = UNITS[match[2]!]!;
    return `${speakNumber(match[1]!, context)} ${isOne(match[1]!) ? one : many}`;
  },
  (core, context) => {
    // A unit or currency code written apart from its number: "5 km", "100 USD".
    const unit = UNITS[core] ?? CURRENCY_CODES[core];
    const previous = prevCore(context);
    if (!unit || !new RegExp(String.raw`^(?:${NUMBER})$`).test(previous)) return null;
    return isOne(previous) ? unit[0] : unit[1];
  },
  (core, context) => {
    if (!new RegExp(String.raw`^[-−+]?(?:${NUMBER})$`).test(core)) return null;
    const sign = /^[-−]/.test(core) ? 'minus ' : /^\+/.test(core) ? 'plus ' : '';
    const spoken = speakNumber(core.replace(/^[-−+]/, ''), context);
    return `${sign}${spoken}${RANGE_DASH.test(context.trail) && /^\d/.test(nextCore(context)) ? ' to' : ''}`;
  },
  (core, context) => {
    const value = romanValue(core);
    if (value === null) return null;
    const previous = prevCore(context);
    if (ROMAN_CARDINAL_CUES.has(previous.toLowerCase())) return cardinal(value);
    const isName = /^\p{Lu}\p{Ll}+$/u.test(previous);
    if (isName && (core.length > 1 || /^(Elizabeth|Charles|Henry|George|Edward|William|James|Louis|Peter|Catherine|Nicholas|Alexander|John|Paul|Richard|Mary|Philip|Frederick|Pius|Leo|Benedict|Gregory)$/.test(previous))) return `the ${ordinal(value)}`;
    return core.length > 1 && value < 40 && /^(?:Super|Vatican|Star)$/.test(prevCore(context, 2)) ? cardinal(value) : null;
  },
  (core, context) => (core === 'St.' && !/^\p{Lu}/u.test(nextCore(context)) ? 'Street' : null),
  (core) => (Object.hasOwn(ABBREVIATIONS, core) ? ABBREVIATIONS[core]! : null),
  (core) => (/^(?:\p{Lu}\.){2,}$/u.test(core) ? letters(core) : null),
  (core) => {
    const match = /^(\p{Lu}{2,6})(s)?$/u.exec(core);
    if (!match) return null;
    const word = match[1]!;
    if (ACRONYM_WORDS.has(word)) return word[0] + word.slice(1).toLowerCase() + (match[2] ?? '');
    // Four letters or more with a vowel is more likely a shouted word ("STOLEN") than an initialism.
    if (word.length >= 4 && /[AEIOUY]/.test(word)) return null;
    return letters(word) + (match[2] ? "'s" : '');
  },
  (core) => (Object.hasOwn(SYMBOLS, core) ? SYMBOLS[core]! : null),
  (core, context) => (/^#\d+$/.test(core) ? `number ${speakNumber(core.slice(1), context)}` : null),
  (core) => (/^@\w+$/.test(core) ? `at ${core.slice(1)}` : null),
  (core, context) => {
    // Numbers inside words: "30-minute", "22-year-old", "COVID-19", "4K", "H&M".
    if (!/\d|&/.test(core)) return null;
    return core
      .replace(/&/g, ' and ')
      .replace(new RegExp(NUMBER, 'g'), (n) => ` ${speakNumber(n, context)} `)
      .replace(/\s*-\s*/g, '-')
      .replace(/\s+/g, ' ')
      .replace(/(^|\s)(\p{Lu}{2,})(?=\s|-|$)/gu, (_, space: string, caps: string) => space + (ACRONYM_WORDS.has(caps) ? caps[0] + caps.slice(1).toLowerCase() : caps.length <= 3 ? letters(caps) : caps))
      .replace(/-(?=\p{Ll})/gu, (dash, offset: number, text: string) => (/\p{Lu}\p{Ll}*$/u.test(text.slice(0, offset)) ? ' ' : dash))
      .trim();
  },
];

export function speakEnglish(context: TokenContext): string | null {
  return firstSaid(RULES, context);
}

export function isEnglishAbbreviation(core: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, core) || /^(?:\p{Lu}\.){2,}$/u.test(core) || /^(?:\p{Ll}\.){2,}$/u.test(core);
}
