/** What a language's rules see of one written token: its core and its neighbours' cores. */
export interface TokenContext {
  /** The token without leading/trailing punctuation ("2019" of "(2019),"). */
  core: string;
  /** Trailing punctuation, kept after the spoken words. */
  trail: string;
  /** Cores of every token of the text, and this token's index. */
  cores: string[];
  index: number;
}

export function prevCore(context: TokenContext, back = 1): string {
  return context.cores[context.index - back] ?? '';
}

export function nextCore(context: TokenContext, ahead = 1): string {
  return context.cores[context.index + ahead] ?? '';
}

/** Lower-cased cores within `span` tokens either side, for topic cues ("attacks" near "9/11"). */
export function nearby(context: TokenContext, span: number): string[] {
  return context.cores.slice(Math.max(0, context.index - span), context.index + span + 1).map((c) => c.toLowerCase());
}

/** One reading rule: the token said in words, or null when the rule does not apply. */
export type SpeechRule = (core: string, context: TokenContext) => string | null;

/** What the first rule that applies says; null leaves the token as written. */
export function firstSaid(rules: SpeechRule[], context: TokenContext): string | null {
  for (const rule of rules) {
    const said = rule(context.core, context);
    if (said !== null) return said;
  }
  return null;
}

/** Reads a string of Roman numerals; null when it is not a well-formed one. */
export function romanValue(text: string): number | null {
  if (!/^[IVXLCDM]+$/.test(text)) return null;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = values[text[i]!]!;
    const next = values[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return toRoman(total) === text ? total : null;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** "example.com/path" → ["example", "dot", "com", "slash", "path"] with the language's words. */
export function speakUrl(url: string, words: { dot: string; slash: string; at: string }): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '')
    .split(/([./@_-])/)
    .filter(Boolean)
    .map((part) => ({ '.': words.dot, '/': words.slash, '@': words.at, _: '', '-': '' })[part] ?? part)
    .filter(Boolean)
    .join(' ');
}

export const URL_PATTERN = /^(?:https?:\/\/\S+|(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|ru|рф|uk|io|gov|edu|info|de|fr)(?:\/\S*)?|[\w.+-]+@[\w-]+\.[\w.]+)$/iu;
