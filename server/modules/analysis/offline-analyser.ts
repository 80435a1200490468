import type { AnalyseInput, AnalysisBreakdown, AnalysisResult } from '../../../contracts/analysis.ts';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { detectLanguage } from '../sources/language.ts';
import { classifyContent } from './content-kind.ts';
import { recommendFormat } from './recommend-format.ts';
import { audienceScore, clamp, clarityScore, emotionScore, freshness, hookScore, newsScore } from './scores.ts';
import { extractKeyFacts } from './sentence-signals.ts';
import { profileText } from './text-profile.ts';
import { secondsForWords } from './text-units.ts';
import { verdictFor } from './verdict.ts';

export interface OfflineAnalyserOptions {
  /** The clock used for freshness; injected so results are reproducible. */
  now?: () => Date;
}

/**
 * Weights of the overall potential score. Hook counts most because a short video lives or dies in
 * its first seconds; emotion least because calm explainers can still do well.
 */
export const SCORE_WEIGHTS: Record<keyof AnalysisBreakdown, number> = {
  hook: 0.25,
  news: 0.2,
  emotion: 0.15,
  clarity: 0.2,
  audience: 0.2,
};

/**
 * Deterministic, rule-based analysis of a text (rules in scores.ts, recommend-format.ts,
 * sentence-signals.ts and verdict.ts). Same text, title, date and clock: same result.
 */
export function analyseOffline(input: AnalyseInput, options: OfflineAnalyserOptions = {}): AnalysisResult {
  const now = (options.now ?? (() => new Date()))();
  const title = input.title?.trim() ?? '';
  const language = input.language ?? detectLanguage(`${title}\n${input.text}`);
  const profile = profileText(input.text, title, language);
  const breakdown: AnalysisBreakdown = {
    hook: hookScore(profile),
    news: newsScore(profile, input.publishedAt, now),
    emotion: emotionScore(profile),
    clarity: clarityScore(profile),
    audience: audienceScore(profile),
  };
  const score = clamp(
    (Object.keys(SCORE_WEIGHTS) as Array<keyof AnalysisBreakdown>).reduce((sum, key) => sum + SCORE_WEIGHTS[key] * breakdown[key], 0),
  );
  return {
    score,
    breakdown,
    verdict: verdictFor(score, breakdown, language),
    keyFacts: extractKeyFacts(profile.sentences, language),
    recommendedFormat: recommendFormat(profile, classifyContent(input.text, title, language), freshness(profile, input.publishedAt, now), Boolean(input.publishedAt)),
    speakingTimeSec: secondsForWords(profile.wordCount, SPEAKING_RATE_WPS[language]),
    wordCount: profile.wordCount,
    language,
    analyser: 'offline',
  };
}
