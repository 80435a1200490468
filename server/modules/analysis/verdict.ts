import type { AnalysisBreakdown, BreakdownKey } from '../../../contracts/analysis.ts';
import { BREAKDOWN_KEYS } from '../../../contracts/analysis.ts';
import type { Language } from '../../../contracts/formats.ts';

const LABELS: Record<Language, Record<BreakdownKey, string>> = {
  en: { hook: 'the hook', news: 'news value', emotion: 'emotional charge', clarity: 'clarity', audience: 'audience fit' },
  ru: { hook: 'зацепка', news: 'новостная ценность', emotion: 'эмоциональный заряд', clarity: 'ясность', audience: 'охват аудитории' },
};

const BANDS: Record<Language, Array<{ min: number; opening: string }>> = {
  en: [
    { min: 75, opening: 'Strong material for a short video' },
    { min: 55, opening: 'Good material' },
    { min: 40, opening: 'Usable material' },
    { min: 0, opening: 'Weak material as it stands' },
  ],
  ru: [
    { min: 75, opening: 'Сильный материал для короткого ролика' },
    { min: 55, opening: 'Хороший материал' },
    { min: 40, opening: 'Рабочий материал' },
    { min: 0, opening: 'Слабый материал в нынешнем виде' },
  ],
};

/** Below this a breakdown part is called a weak spot. */
const WEAK = 50;

const BODY: Record<Language, { weakOverall: (worst: string) => string; withWeakSpot: (best: string, worst: string) => string; noWeakSpot: (best: string) => string }> = {
  en: {
    weakOverall: (worst) => `${worst} is low, so a hot take or more context would help.`,
    withWeakSpot: (best, worst) => `${best} carries it, but ${worst} is weak and needs help from the script.`,
    noWeakSpot: (best) => `${best} carries it and nothing is weak.`,
  },
  ru: {
    weakOverall: (worst) => `${worst} на низком уровне, помогут острый взгляд или больше контекста.`,
    withWeakSpot: (best, worst) => `сильная сторона — ${best}, слабое место — ${worst}: это стоит усилить в сценарии.`,
    noWeakSpot: (best) => `сильная сторона — ${best}, явных слабых мест нет.`,
  },
};

/** One sentence in the text's language: the score band, the strongest and the weakest part. */
export function verdictFor(score: number, breakdown: AnalysisBreakdown, language: Language): string {
  const ordered = [...BREAKDOWN_KEYS].sort((a, b) => breakdown[b] - breakdown[a]);
  const bestKey = ordered[0] ?? 'hook';
  const worstKey = ordered.at(-1) ?? 'hook';
  const best = LABELS[language][bestKey];
  const worst = LABELS[language][worstKey];
  const band = BANDS[language].find((b) => score >= b.min) ?? { min: 0, opening: '' };
  const body = BODY[language];
  const rest = band.min === 0 ? body.weakOverall(worst) : breakdown[worstKey] < WEAK ? body.withWeakSpot(best, worst) : body.noWeakSpot(best);
  return `${band.opening}: ${rest}`;
}
