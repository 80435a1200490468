import type { FormatId, Language } from '../../../contracts/formats.ts';
import type { SceneRole, ScriptVariant, VariantStyle } from '../../../contracts/script.ts';
import { VARIANT_STYLES } from '../../../contracts/script.ts';
import { sentenceSignals } from '../analysis/sentence-signals.ts';
import { countWords, secondsForWords, splitSentences, words } from '../analysis/text-units.ts';

export interface VariantCandidate {
  style: VariantStyle;
  text: string;
}

/*
 * Variant score, 0-100 = length fit (40) + style fit (up to 31) + concreteness (20) + readability (15).
 * Length fit: 40 x (1 - |words - target| / target). Style fit: a base per role and style, plus a
 * bonus where a format favours a style (news: figures; hot takes: bold claims; explainers:
 * questions). Concreteness: 6 per figure, 3 per name, 4 per date, max 20 (calls to action get 10).
 * Readability: 15 minus 2 per word of average sentence length over 20, minus 30 x the share of
 * long words over 10%.
 */

const STYLE_BASE: Record<SceneRole, Record<VariantStyle, number>> = {
  hook: { question: 20, bold: 18, number: 22, plain: 10 },
  body: { question: 15, bold: 14, number: 18, plain: 20 },
  cta: { question: 22, bold: 16, number: 10, plain: 14 },
};

const FORMAT_BONUS: Record<FormatId, Partial<Record<SceneRole, Partial<Record<VariantStyle, number>>>>> = {
  news: { hook: { number: 3, plain: 4 }, body: { number: 4, plain: 2 } },
  'hook-story': { hook: { question: 3 }, body: { plain: 4 } },
  explainer: { hook: { question: 4 }, body: { question: 5 } },
  listicle: { hook: { number: 3 }, body: { plain: 4 } },
  comparison: { hook: { question: 2 }, body: { bold: 3 } },
  'hot-take': { hook: { bold: 6 }, body: { bold: 6 }, cta: { question: 3 } },
};

export function scoreVariant(candidate: VariantCandidate, role: SceneRole, format: FormatId, language: Language, targetWords: number): number {
  const wordCount = countWords(candidate.text);
  const lengthFit = 40 * Math.max(0, 1 - Math.abs(wordCount - targetWords) / Math.max(1, targetWords));
  const styleFit = STYLE_BASE[role][candidate.style] + (FORMAT_BONUS[format][role]?.[candidate.style] ?? 0);
  let concreteness = 10;
  if (role !== 'cta') {
    const s = sentenceSignals(candidate.text, language);
    concreteness = Math.min(20, 6 * s.numbers + 3 * s.names + 4 * s.dates);
  }
  const sentences = Math.max(1, splitSentences(candidate.text).length);
  const tokens = words(candidate.text);
  const longShare = tokens.filter((t) => t.length >= (language === 'ru' ? 13 : 11)).length / Math.max(1, tokens.length);
  const readability = Math.max(0, 15 - 2 * Math.max(0, wordCount / sentences - 20) - 30 * Math.max(0, longShare - 0.1));
  return Math.max(0, Math.min(100, Math.round(lengthFit + styleFit + concreteness + readability)));
}

/**
 * Scores, orders (best first, then by style order) and numbers the variants of a scene; ids start
 * after `firstIndex - 1` so regenerated variants never reuse an id.
 */
export function finaliseVariants(
  sceneId: string,
  candidates: VariantCandidate[],
  role: SceneRole,
  format: FormatId,
  language: Language,
  targetWords: number,
  wordsPerSecond: number,
  firstIndex = 1,
): ScriptVariant[] {
  const seen = new Set<string>();
  return candidates
    .filter((c) => {
      const key = c.text.trim();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((c) => ({ ...c, score: scoreVariant(c, role, format, language, targetWords) }))
    .sort((a, b) => b.score - a.score || VARIANT_STYLES.indexOf(a.style) - VARIANT_STYLES.indexOf(b.style))
    .map((c, i) => {
      const count = countWords(c.text);
      return { id: `${sceneId}-v${firstIndex + i}`, style: c.style, text: c.text, words: count, seconds: secondsForWords(count, wordsPerSecond), score: c.score };
    });
}
