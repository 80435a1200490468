import type { Language } from '../../../../contracts/formats.ts';
import type { GeneratedScript } from '../../../../contracts/script.ts';
import { splitSentences, words } from '../../analysis/text-units.ts';
import { isFurnitureLine } from './clean.ts';
import { fragmentReason } from './compress.ts';

/*
 * Pass 5: checks a viewer would make. The writer drops variants that fail the sentence checks; the
 * quality harness (scripts/eval-scripts.ts) reports all of them per page.
 */

const FURNITURE_WORDS =
  /(\bgetty images\b|\bshutterstock\b|\/afp\b|\breuters\/|\bsign up\b|\bnewsletter\b|\badvertisement\b|\bshare this\b|\bclick here\b|\bread more\b|\bcomments?\s*\(\d+\)|©|\s\|\s|^(map|photo|image|caption|video|gallery)\s*:|\bфото:|\bреклама\b|\bчитайте также\b|\bподписывайтесь на наш\b)/iu;

/** A placeholder the author fills in: "[add a fact: ...]". */
export const PLACEHOLDER = /\[[^\]]+\]/gu;

/** Page furniture in a spoken text: a caption, credit, byline, share line or a "Site | Author" tail. */
export function furnitureIn(text: string): string | null {
  const spoken = text.replace(PLACEHOLDER, '');
  for (const sentence of splitSentences(spoken)) {
    if (isFurnitureLine(sentence) || FURNITURE_WORDS.test(sentence)) return sentence;
  }
  return /^\s*\p{Lu}[\p{Lu}\s.'’-]{2,40}(\([^)]*\))?\s*[—–-]{1,2}\s/u.test(spoken) ? 'a dateline' : null;
}

/** A list point's number ("Number one.", "Первое."): a label, not a sentence. */
const LIST_ORDINAL = /^(Number \p{L}+|Первое|Второе|Третье|Четвёртое|Пятое|Шестое|Седьмое|Восьмое)\.$/u;

/** The first sentence that is not a complete sentence, with the reason. */
export function fragmentIn(text: string, language: Language): string | null {
  for (const sentence of splitSentences(text.replace(PLACEHOLDER, ''))) {
    if (!/[\p{L}\p{N}]/u.test(sentence) || LIST_ORDINAL.test(sentence)) continue;
    const reason = fragmentReason(sentence, language);
    if (reason) return `${reason}: "${sentence}"`;
  }
  return null;
}

/** Lines that play a grave story for engagement or laughs. */
const FLIPPANT =
  /(tell me in the comments|let me know below|hot take|too harsh|what would you have done|agree or disagree|stop scrolling|напишите в комментариях|согласны или нет|а как бы поступили вы|острый взгляд|слышали о таком)/iu;

export function flippantIn(text: string): string | null {
  return FLIPPANT.exec(text)?.[0] ?? null;
}

const stem = (word: string) => word.toLowerCase().slice(0, 5);

/** The share of `facts` (figures and names) that the script says. */
export function factsPresent(facts: readonly string[], scriptText: string): number {
  if (facts.length === 0) return 1;
  const spoken = new Set(words(scriptText).map(stem));
  const found = facts.filter((fact) => words(fact).every((w) => spoken.has(stem(w))));
  return found.length / facts.length;
}

/** Figures and proper names of a paragraph: what a news script must not lose. */
export function factsOf(paragraph: string): string[] {
  const tokens = words(paragraph);
  const facts = new Set<string>();
  tokens.forEach((token, i) => {
    if (/\p{N}/u.test(token)) facts.add(token);
    else if (i > 0 && /^\p{Lu}\p{Ll}+/u.test(token) && !/[.!?…]["»”]?\s*$/u.test(paragraph.slice(0, paragraph.indexOf(token)))) facts.add(token);
  });
  return [...facts];
}

export function titleWordsPresent(title: string, scriptText: string, language: Language): number {
  const stop = language === 'ru' ? /^(и|в|на|с|по|к|о|а|но|для|от|до|из|за|что|как|это)$/iu : /^(the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|is|are|was|its|his|her|how|why|what|after|over)$/i;
  const content = words(title).filter((w) => w.length > 2 && !stop.test(w));
  return factsPresent(content, scriptText);
}

export interface ScriptCheck {
  furniture: string | null;
  fragment: string | null;
  flippant: string | null;
  /** Best variants' total against the target: -0.1 is 10% short. */
  lengthDeviation: number;
}

/** Every variant for furniture, fragments and (grave stories) register; the best variants for length. */
export function checkScript(script: GeneratedScript, grave: boolean, wordsPerSecond: number): ScriptCheck {
  const all = script.scenes.flatMap((s) => s.variants.map((v) => v.text));
  const spoken = script.scenes.filter((s) => s.role !== 'cta').flatMap((s) => s.variants.map((v) => v.text));
  const target = script.targetSec * wordsPerSecond;
  return {
    furniture: spoken.map(furnitureIn).find(Boolean) ?? null,
    fragment: all.map((t) => fragmentIn(t, script.language)).find(Boolean) ?? null,
    flippant: grave ? (all.map(flippantIn).find(Boolean) ?? null) : null,
    lengthDeviation: Math.round(((script.totalWords - target) / target) * 100) / 100,
  };
}

