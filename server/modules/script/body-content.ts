import type { FormatId } from '../../../contracts/formats.ts';
import { sentenceSignals } from '../analysis/sentence-signals.ts';
import { countWords } from '../analysis/text-units.ts';
import type { ScriptContext } from './script-context.ts';
import { asClause } from './script-context.ts';
import type { PoolSentence } from './sentence-pool.ts';
import { findNumberPhrase } from './sentence-pool.ts';
import { shortenSentence } from './shorten.ts';

/** Typical spoken length of one body scene per format, in words. */
export const BODY_SCENE_WORDS: Record<FormatId, number> = {
  news: 16,
  'hook-story': 20,
  explainer: 22,
  listicle: 18,
  comparison: 20,
  'hot-take': 18,
};

const MAX_BODY_SCENES = 8;

/** Thin sources get fewer, fuller scenes: framing sentences read better two or three at a time. */
const THIN_SCENE_WORDS = 26;

export function bodySceneCount(format: FormatId, bodyWords: number, thin = false): number {
  const count = Math.round(bodyWords / (thin ? Math.max(THIN_SCENE_WORDS, BODY_SCENE_WORDS[format]) : BODY_SCENE_WORDS[format]));
  const minimum = format === 'listicle' ? 3 : format === 'comparison' ? 2 : 1;
  const affordable = Math.max(1, Math.floor(bodyWords / 8));
  return Math.max(1, Math.min(MAX_BODY_SCENES, affordable, Math.max(minimum, count)));
}

export function shortened(sentence: PoolSentence, ctx: ScriptContext, maxWords: number): PoolSentence {
  const text = shortenSentence(sentence.text, ctx.language, maxWords);
  return { ...sentence, text, words: countWords(text), numberPhrase: findNumberPhrase(text), signals: sentenceSignals(text, ctx.language) };
}

/**
 * Heavily cut sentences lose meaning: -15 when under 70% of the words remain, -30 under 45%, and
 * -10 more when the figure was cut away.
 */
export function cutPenalty(original: PoolSentence, short: PoolSentence): number {
  const kept = short.words / Math.max(1, original.words);
  return (kept < 0.45 ? 30 : kept < 0.7 ? 15 : 0) + (original.numberPhrase && !short.numberPhrase ? 10 : 0);
}

/**
 * Picks source sentences by rank until they fill `budget` words (within 8%), shortening each to
 * at most `maxSentenceWords`, then puts them back in reading order.
 */
export function selectSentences(pool: readonly PoolSentence[], exclude: ReadonlySet<number>, budget: number, maxSentenceWords: number, ctx: ScriptContext): PoolSentence[] {
  const chosen: PoolSentence[] = [];
  let total = 0;
  const candidates = [...pool]
    .filter((s) => !exclude.has(s.index) && s.words >= 4)
    .map((original) => ({ original, short: shortened(original, ctx, maxSentenceWords) }))
    .map(({ original, short }) => ({ short, rank: original.rank - cutPenalty(original, short) }))
    .sort((a, b) => b.rank - a.rank || a.short.index - b.short.index);
  for (const { short } of candidates) {
    if (total >= budget * 0.92) break;
    if (short.words > maxSentenceWords * 1.25 || total + short.words > budget * 1.08) continue;
    chosen.push(short);
    total += short.words;
  }
  return chosen.sort((a, b) => a.index - b.index);
}

function synthetic(ctx: ScriptContext, text: string, index: number): PoolSentence {
  return { index, text, words: countWords(text), signals: sentenceSignals(text, ctx.language), numberPhrase: null, rank: -100, synthetic: true };
}

/**
 * Framing sentences for a thin source, in the order they fill scenes: the idea restated, the
 * format's own framing, then general ones. Indexes keep the restated idea first and the rest after
 * every source sentence.
 */
export function expansionSentences(ctx: ScriptContext, topic: string): PoolSentence[] {
  const [first, ...others] = ctx.patterns.expansions.plain;
  const texts = [...ctx.patterns.formatExpansions[ctx.format], ...others.map((e) => e(topic))];
  return [synthetic(ctx, first?.(ctx.lowerFirst(asClause(topic))) ?? '', -1), ...texts.map((text, k) => synthetic(ctx, text, 100_000 + k))];
}

/** A styled framing sentence to open a thin scene with. */
export function styledExpansion(ctx: ScriptContext, style: 'question' | 'bold', rotation: number, topic: string): PoolSentence {
  const list = ctx.patterns.expansions[style];
  const make = list[((rotation % list.length) + list.length) % list.length];
  return synthetic(ctx, make ? make(topic) : '', -2);
}

/** Splits reading-ordered sentences into contiguous scenes whose sizes follow `targets`. */
export function distribute(items: readonly PoolSentence[], targets: readonly number[]): PoolSentence[][] {
  const scenes: PoolSentence[][] = targets.map(() => []);
  let sceneIndex = 0;
  let boundary = targets[0] ?? 0;
  let cumulative = 0;
  items.forEach((item, i) => {
    const itemsLeft = items.length - i;
    const scenesLeft = targets.length - sceneIndex;
    const current = scenes[sceneIndex];
    const mustAdvance = current !== undefined && current.length > 0 && itemsLeft <= scenesLeft - 1;
    const shouldAdvance = current !== undefined && current.length > 0 && cumulative + item.words / 2 > boundary;
    if (sceneIndex < targets.length - 1 && (mustAdvance || shouldAdvance)) {
      sceneIndex++;
      boundary += targets[sceneIndex] ?? 0;
    }
    scenes[sceneIndex]?.push(item);
    cumulative += item.words;
  });
  return scenes.filter((scene) => scene.length > 0);
}

export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}
