import type { FormatId, Language } from '../../../../contracts/formats.ts';
import type { SceneRole, ScriptVariant, VariantStyle } from '../../../../contracts/script.ts';
import { VARIANT_STYLES } from '../../../../contracts/script.ts';
import { sentenceSignals } from '../../analysis/sentence-signals.ts';
import { countWords, secondsForWords, splitSentences, words } from '../../analysis/text-units.ts';

export interface Candidate {
  style: VariantStyle;
  text: string;
  /** Built from the plan's own selection for the scene (not an alternative). */
  planned?: boolean;
}

/**
 * The style a text really has, from its first sentence: a question, a figure in its first three
 * words, a short declarative claim (10 words or fewer: bold), else plain. Labels describe the
 * text; no text is dressed up to earn one.
 */
export function styleOf(text: string): VariantStyle {
  const first = splitSentences(text)[0] ?? text;
  if (first.trim().endsWith('?')) return 'question';
  if (words(first).slice(0, 3).some((w) => /^\p{N}/u.test(w)) || /^[$€£₽]/u.test(first)) return 'number';
  return countWords(first) <= 10 ? 'bold' : 'plain';
}

/*
 * Score 0-100 = length fit (40) + plan (12: the writer's own selection for the scene) + concreteness
 * (20: 6 per figure, 3 per name, 4 per date; closes get 10) + readability (15: minus 2 per word of
 * average sentence length over 20) + style (up to 13 where the format favours it).
 */
const STYLE_FIT: Record<FormatId, Partial<Record<VariantStyle, number>>> = {
  news: { number: 8, plain: 10, bold: 8, question: 2 },
  'hook-story': { bold: 10, plain: 8, question: 8, number: 6 },
  explainer: { question: 12, plain: 8, bold: 8, number: 6 },
  listicle: { number: 8, plain: 10, bold: 8, question: 6 },
  comparison: { question: 8, bold: 8, plain: 8, number: 6 },
  'hot-take': { bold: 13, question: 8, plain: 6, number: 6 },
};

export function scoreCandidate(candidate: Candidate, role: SceneRole, format: FormatId, language: Language, targetWords: number): number {
  const count = countWords(candidate.text);
  const lengthFit = 40 * Math.max(0, 1 - Math.abs(count - targetWords) / Math.max(1, targetWords));
  const s = sentenceSignals(candidate.text, language);
  const concreteness = role === 'cta' ? 10 : Math.min(20, 6 * s.numbers + 3 * s.names + 4 * s.dates);
  const sentences = Math.max(1, splitSentences(candidate.text).length);
  const readability = Math.max(0, 15 - 2 * Math.max(0, count / sentences - 20));
  const total = lengthFit + (candidate.planned ? 12 : 0) + concreteness + readability + (STYLE_FIT[format][candidate.style] ?? 0);
  return Math.max(0, Math.min(100, Math.round(total)));
}

/** Scores, dedupes, orders (best first) and numbers a scene's variants from `firstIndex`. */
export function finaliseVariants(sceneId: string, candidates: readonly Candidate[], role: SceneRole, format: FormatId, language: Language, targetWords: number, wordsPerSecond: number, firstIndex = 1): ScriptVariant[] {
  const seen = new Set<string>();
  const scored = candidates
    .map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() }))
    .filter((c) => c.text && !seen.has(c.text) && seen.add(c.text))
    .map((c) => ({ ...c, score: scoreCandidate(c, role, format, language, targetWords) }));
  // The plan's own choice for the scene ranks first (it is what keeps scenes distinct and the length
  // fitted); an alternative's score is capped one below it.
  const plannedScore = scored.find((c) => c.planned)?.score;
  return scored
    .map((c) => (plannedScore === undefined || c.planned ? c : { ...c, score: Math.min(c.score, plannedScore - 1) }))
    .sort((a, b) => Number(Boolean(b.planned)) - Number(Boolean(a.planned)) || b.score - a.score || VARIANT_STYLES.indexOf(a.style) - VARIANT_STYLES.indexOf(b.style))
    .map((c, i) => {
      const count = countWords(c.text);
      return { id: `${sceneId}-v${firstIndex + i}`, style: c.style, text: c.text, words: count, seconds: secondsForWords(count, wordsPerSecond), score: c.score };
    });
}
