import type { FormatId, Language } from '../../../../contracts/formats.ts';
import { countWords } from '../../analysis/text-units.ts';
import { bodySceneCount, closeTargetWords, hookTargetWords, splitEvenly } from '../scene-budget.ts';
import { compressSentence, isCompleteSentence } from './compress.ts';
import type { Sentence } from './sentences.ts';
import { byWeight } from './sentences.ts';

/** Pass 3: which sentences go in which scene, for the format. */

export interface BodyPlan {
  id: string;
  targetWords: number;
  /** Chosen sentences, compressed, in reading order. */
  sentences: Sentence[];
  listIndex: number | null;
}

export interface ScriptPlan {
  language: Language;
  format: FormatId;
  grave: boolean;
  targetWords: number;
  hookTarget: number;
  closeTarget: number;
  hook: Sentence;
  hookText: string;
  bodies: BodyPlan[];
  /** Source sentences, for alternatives and regeneration. */
  pool: Sentence[];
}

/** The hook's sentence: news and grave stories open on the lead (who, what, where, how many). */
function hookSentence(pool: readonly Sentence[], format: FormatId, grave: boolean): Sentence | undefined {
  const lead = pool.find((s) => s.role === 'lead');
  if (format === 'news' || grave || format === 'explainer' || format === 'listicle') return lead ?? [...pool].sort(byWeight)[0];
  // Stories open on the lead too, unless a sentence of the first paragraphs clearly carries more.
  const early = pool.filter((s) => s.paragraph <= 2 && !s.dependent && !s.text.endsWith('?'));
  const strongest = [...early].sort(byWeight)[0];
  if (lead && !lead.dependent && (!strongest || strongest.weight - lead.weight < 15)) return lead;
  return strongest ?? lead ?? pool[0];
}

export function compressed(sentence: Sentence, language: Language, maxWords: number): Sentence {
  if (sentence.words <= maxWords) return sentence;
  const text = compressSentence(sentence.text, language, maxWords);
  return { ...sentence, text, words: countWords(text) };
}

/** News keeps the facts of its first paragraphs first; other formats go by weight. */
function priority(pool: readonly Sentence[], format: FormatId): Sentence[] {
  if (format !== 'news') return [...pool].sort(byWeight);
  const early = pool.filter((s) => s.paragraph <= 1);
  return [...early, ...[...pool].filter((s) => s.paragraph > 1).sort(byWeight)];
}

/**
 * Picks sentences until they fill `budget` (aiming within 8%), compressing each to at most
 * `maxSentence` words. A sentence that opens with "It"/"They" only comes with the one before it.
 */
export function selectBody(pool: readonly Sentence[], exclude: ReadonlySet<number>, budget: number, maxSentence: number, format: FormatId, language: Language): Sentence[] {
  const chosen = new Map<number, Sentence>();
  let total = 0;
  const usable = (s: Sentence) => !exclude.has(s.index) && !chosen.has(s.index) && s.words >= 5 && !/^["«“][^"»”]+["»”][.!?…]?$/u.test(s.text);
  const ordered = priority(pool, format);
  for (let pass = 0; pass < 2 && total < budget * 0.92; pass++) {
    for (const sentence of ordered) {
      if (total >= budget * 0.92) break;
      if (!usable(sentence)) continue;
      if (sentence.dependent && !chosen.has(sentence.index - 1) && !exclude.has(sentence.index - 1)) continue;
      const short = compressed(sentence, language, Math.min(maxSentence, Math.max(5, Math.round(budget * 1.08 - total))));
      if (short.words > maxSentence * 1.3 || total + short.words > budget * 1.08 || !isCompleteSentence(short.text, language)) continue;
      chosen.set(sentence.index, short);
      total += short.words;
    }
  }
  return [...chosen.values()].sort((a, b) => a.index - b.index);
}

/** Splits reading-ordered sentences into contiguous scenes whose sizes follow `targets`. */
export function distribute(items: readonly Sentence[], targets: readonly number[]): Sentence[][] {
  const scenes: Sentence[][] = targets.map(() => []);
  let sceneIndex = 0;
  let boundary = targets[0] ?? 0;
  let cumulative = 0;
  items.forEach((item, i) => {
    const current = scenes[sceneIndex]!;
    const mustAdvance = current.length > 0 && items.length - i <= targets.length - sceneIndex - 1;
    const shouldAdvance = current.length > 0 && cumulative + item.words / 2 > boundary && !item.dependent;
    if (sceneIndex < targets.length - 1 && (mustAdvance || shouldAdvance)) {
      sceneIndex++;
      boundary += targets[sceneIndex] ?? 0;
    }
    scenes[sceneIndex]!.push(item);
    cumulative += item.words;
  });
  return scenes.filter((scene) => scene.length > 0);
}

export function planScript(pool: Sentence[], options: { language: Language; format: FormatId; grave: boolean; targetWords: number; closeWords: number }): ScriptPlan | null {
  const { language, format, grave, targetWords } = options;
  const hook = hookSentence(pool, format, grave);
  if (!hook) return null;
  const hookTarget = hookTargetWords(targetWords);
  const hookText = compressSentence(hook.text, language, Math.max(12, Math.round(hookTarget * 1.5)));
  const budget = Math.max(6, targetWords - countWords(hookText) - options.closeWords);
  const count = bodySceneCount(format, budget);
  const perScene = splitEvenly(budget, count);
  const listicle = format === 'listicle';
  const ordinalWords = listicle ? 2 * count : 0;
  const maxSentence = Math.max(12, Math.max(...perScene) + (listicle ? 0 : 6));
  const chosen = selectBody(pool, new Set([hook.index]), budget - ordinalWords, maxSentence, format, language);
  const groups = listicle ? chosen.slice(0, 8).map((s) => [s]) : distribute(chosen, perScene.slice(0, Math.max(1, Math.min(count, chosen.length))));
  const bodies = groups.map((sentences, i) => ({ id: `s${i + 2}`, targetWords: perScene[i] ?? perScene[0] ?? 10, sentences, listIndex: listicle ? i : null }));
  return { language, format, grave, targetWords, hookTarget, closeTarget: closeTargetWords(targetWords), hook: { ...hook, text: hookText, words: countWords(hookText) }, hookText, bodies, pool };
}
