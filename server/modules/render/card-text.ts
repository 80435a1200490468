/** Function words: never the last word of a card phrase, skipped in a figure's label (English and Russian). */
const FUNCTION_WORDS = new Set(
  `a an the and or but if then so of to in on at by for with from as is are was were be been being it its this that these those
there here what which who whom whose how why when where do does did have has had not no you your we our they their he she his her
i me my will would can could should may might must just also very than into about over after before up down out per some
и в во не что он она оно они на я с со как а то все всё так его её их но да ты к у же вы за бы по только ее мне было вот от меня
о из ему когда даже ну ли если уже или ни быть был была были него до вас там потом себя ей может тут где есть надо ней для мы
тебя чем сам чтобы без чего раз тоже себе под будет ж тогда кто этот того потому этого какой здесь этом при об после над через
эти нас про всего них какая это эта`.split(/\s+/),
);

/** Words that open a clause without carrying its meaning ("And", "But", "So"...). */
const OPENERS = new Set(['and', 'but', 'so', 'or', 'then', 'also', 'yet', 'и', 'но', 'а', 'же', 'или', 'ведь', 'вот', 'итак', 'однако']);

const UP = /^(ros|rise|grew|grow|gain|increas|jump|climb|surg|up\b|вырос|вырас|увелич|подорож|прибав)/i;
const DOWN = /^(fell|fall|drop|declin|decreas|cut|shr|down\b|plung|упал|упад|снизил|сниз|сократ|подешев|потерял)/i;

export const CARD_PHRASE_MAX_WORDS = 6;

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}+−-]+|[^\p{L}\p{N}%]+$/gu, '');
const isFunctionWord = (word: string) => FUNCTION_WORDS.has(bare(word).toLocaleLowerCase());

/** A figure worth a card: a number with a unit or a counted noun, not a year or a lone "1". */
const NUMBER = /^[+−-]?\d{1,3}(?:[ ,.]\d{3})*(?:[.,]\d+)?%?$|^[+−-]?\d+(?:[.,]\d+)?%?$/;
const UNITS = /^(%|percent|процент\p{L}*|млн|млрд|тыс\.?|million|billion|thousand|bn|trillion|трлн)$/iu;
const YEAR = /^(1[89]|20)\d\d$/;

function signOf(before: string[]): string {
  for (const word of before.slice(-3).reverse()) {
    const clean = bare(word);
    if (UP.test(clean)) return '+';
    if (DOWN.test(clean)) return '−';
  }
  return '';
}

/**
 * "19 people were killed" -> "19 people killed"; "Prices rose by 15%" -> "+15% prices".
 * Null when the sentence has no figure a card should lead with.
 */
export function figureFromText(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const value = bare(words[i]!).replace(/[.,]$/, '');
    if (!NUMBER.test(value) || YEAR.test(value) || /^[01]$/.test(value)) continue;
    let shown = value;
    let next = i + 1;
    const unit = bare(words[next] ?? '');
    if (!value.endsWith('%') && UNITS.test(unit)) {
      shown = /^(percent|процент)/i.test(unit) ? `${value}%` : `${value} ${unit}`;
      next++;
    }
    const clause = words.slice(next).join(' ').split(/[,.;:!?—–()]/)[0] ?? '';
    const label = clause.split(/\s+/).filter((w) => w && !isFunctionWord(w)).slice(0, 2).map(bare);
    if (shown.includes('%')) {
      const subject = words.slice(0, i).filter((w) => !isFunctionWord(w) && !UP.test(bare(w)) && !DOWN.test(bare(w))).slice(-1).map((w) => bare(w).toLocaleLowerCase());
      return [`${signOf(words.slice(0, i))}${shown}`, ...(subject.length ? subject : label.slice(0, 1))].join(' ').trim();
    }
    if (label.length === 0 && shown === value) continue;
    return [shown, ...label].join(' ');
  }
  return null;
}

/** The first clause of 2-6 words, else the opening words of the first clause, never ending on a function word. */
export function phraseFromText(text: string): string {
  const clauses = text
    .split(/[.!?…;:,—–()"«»“”]+|\s-\s/)
    .map((clause) => clause.split(/\s+/).map(bare).filter(Boolean))
    .map((words) => {
      while (words.length > 1 && OPENERS.has(words[0]!.toLocaleLowerCase())) words.shift();
      return words;
    })
    .filter((words) => words.filter((w) => !isFunctionWord(w)).length >= 2);
  const fits = clauses.find((words) => words.length >= 3 && words.length <= CARD_PHRASE_MAX_WORDS) ?? clauses.find((words) => words.length <= CARD_PHRASE_MAX_WORDS);
  const fallback = text.split(/\s+/).map(bare).filter(Boolean);
  const words = (fits ?? clauses[0] ?? fallback).slice(0, CARD_PHRASE_MAX_WORDS);
  while (words.length > 1 && isFunctionWord(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** What a scene's card says: its key figure with a label when it has one, else a short phrase from it. */
export function cardTextFromScene(text: string): string {
  return figureFromText(text) ?? phraseFromText(text);
}

/** A card text that starts with its figure ("19 dead", "+15%") is laid out as a figure. */
export function splitFigure(text: string): { value: string; label: string } | null {
  const [first = '', ...rest] = text.split(/\s+/);
  if (!NUMBER.test(first) || YEAR.test(first)) return null;
  const unit = rest[0] && UNITS.test(rest[0]) ? rest.shift()! : '';
  return { value: unit ? `${first} ${unit}` : first, label: rest.join(' ') };
}

/** Words for a stock photo search: the scene's three longest content words, in the scene's order. */
export function stockQueryFromScene(text: string): string {
  const words = text
    .split(/\s+/)
    .map(bare)
    .filter((w) => w.length >= 3 && !isFunctionWord(w) && !/\p{N}/u.test(w));
  const longest = new Set([...new Set(words.map((w) => w.toLocaleLowerCase()))].sort((a, b) => b.length - a.length).slice(0, 3));
  const picked: string[] = [];
  for (const word of words) {
    const lower = word.toLocaleLowerCase();
    if (longest.has(lower) && !picked.includes(lower)) picked.push(lower);
  }
  return picked.join(' ');
}
