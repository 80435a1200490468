/**
 * Filling catalogue messages in a language: `{name}` placeholders, numbers with the language's
 * decimal mark, and plural blocks `{n, plural, one {# scene} few {# сцены} many {# сцен} other {# сцены}}`
 * whose branch Intl.PluralRules picks (`#` is the formatted number; branches hold no placeholders).
 */
const PLURAL_BLOCK = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(\w+)\s*\{([^{}]*)\}/g;

export type MessageVars = Record<string, string | number>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function formatNumberIn(language: string, value: number): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language, { maximumFractionDigits: 3 })));
  return format.format(value);
}

function pluralCategory(language: string, value: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(value);
}

/** The branches of each plural block of a message, by variable: for checking a catalogue. */
export function pluralBlocks(text: string): { name: string; categories: string[] }[] {
  return [...text.matchAll(PLURAL_BLOCK)].map((block) => ({ name: block[1]!, categories: [...block[2]!.matchAll(BRANCH)].map((b) => b[1]!) }));
}

/** The variables a message uses, plain or plural. */
export function messageVariables(text: string): string[] {
  const plural = pluralBlocks(text).map((block) => block.name);
  const plain = [...text.replace(PLURAL_BLOCK, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return [...new Set([...plural, ...plain])].sort();
}

export function fillMessage(text: string, vars: MessageVars | undefined, language: string): string {
  if (!vars) return text;
  const shown = (value: string | number) => (typeof value === 'number' ? formatNumberIn(language, value) : value);
  const withPlurals = text.replace(PLURAL_BLOCK, (whole, name: string, body: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    const count = typeof value === 'number' ? value : Number(value);
    const branches = new Map([...body.matchAll(BRANCH)].map((b) => [b[1]!, b[2]!]));
    const branch = branches.get(pluralCategory(language, count)) ?? branches.get('other') ?? '';
    return branch.replace(/#/g, shown(value));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? shown(vars[name]!) : whole));
}

/** 75.4 -> "1:15.4" ("1:15,4" in Russian): a position in a recording. */
export function formatClock(seconds: number, language: string): string {
  const safe = Math.max(0, seconds);
  const minutes = Math.floor(safe / 60);
  const rest = new Intl.NumberFormat(language, { minimumIntegerDigits: 2, minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.floor((safe - minutes * 60) * 10) / 10,
  );
  return `${minutes}:${rest}`;
}
