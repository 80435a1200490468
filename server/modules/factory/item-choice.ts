import type { FactoryRules } from '../../../contracts/factory.ts';
import { FORMATS, type FormatId } from '../../../contracts/formats.ts';
import type { Effective } from './learning.ts';
import { mentions } from './learning.ts';
import type { Candidate } from './factory.repository.ts';

export type Why = { code: 'keywords' | 'score' | 'fresh' | 'format-preferred' | 'format-recommended' | 'format-allowed'; vars: Record<string, string | number> };

/**
 * Whether a story matches the author's keywords (any include word, no exclude word, no avoided
 * topic) before anything is fetched; the included words it matched explain the pick.
 */
export function keywordMatch(candidate: Candidate, rules: FactoryRules, effective: Effective): { ok: boolean; matched: string[] } {
  const text = `${candidate.title}\n${candidate.summary ?? ''}`;
  if ([...rules.excludeKeywords, ...effective.avoidedTopics].some((word) => mentions(text, word))) return { ok: false, matched: [] };
  const matched = rules.includeKeywords.filter((word) => mentions(text, word));
  return { ok: rules.includeKeywords.length === 0 || matched.length > 0, matched };
}

/** The format to write in: the best-liked allowed one, else the analyser's if allowed, else the first allowed. */
export function chooseFormat(rules: FactoryRules, effective: Effective, recommended: FormatId): { format: FormatId; why: Why } {
  const preferred = effective.preferredFormats[0];
  if (preferred) return { format: preferred, why: { code: 'format-preferred', vars: { format: preferred } } };
  if (rules.formats.includes(recommended)) return { format: recommended, why: { code: 'format-recommended', vars: { format: recommended } } };
  return { format: rules.formats[0]!, why: { code: 'format-allowed', vars: { format: rules.formats[0]! } } };
}

/** The target length: the format's usual length, scaled by what was learned and by the profile, within the author's range. */
export function targetSeconds(rules: FactoryRules, format: FormatId, factor: number): number {
  const wanted = Math.round(FORMATS[format].defaultSec * factor);
  return Math.max(rules.minLengthSec, Math.min(rules.maxLengthSec, wanted));
}

export function hoursOld(publishedAt: Date | null, now: Date): number | null {
  return publishedAt ? Math.max(0, Math.round((now.getTime() - publishedAt.getTime()) / 3600_000)) : null;
}
