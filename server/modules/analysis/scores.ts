import { countStemHits, distinctHits } from './lexicons.ts';
import { sentenceSignals } from './sentence-signals.ts';
import type { TextProfile } from './text-profile.ts';

/*
 * The five breakdown scores of the offline analyser. Every rule is a plain number so the result is
 * deterministic and can be explained; each score is clamped to 0-100 and rounded.
 */

export const clamp = (value: number) => Math.max(0, Math.min(100, Math.round(value)));

/**
 * Hook potential, judged on the title plus the first sentence.
 * Base 30; +15 a number; +12 per curiosity/novelty word (max 2); +10 a question or "you";
 * +10 an emotional word; +10 a first sentence of 8-25 words, -10 one over 35;
 * +8 a title of 3-14 words.
 */
export function hookScore(profile: TextProfile): number {
  const { opening, openingTokens, lexicon, sentences, title } = profile;
  const firstLength = sentences[0]?.wordCount ?? 0;
  const titleLength = title.split(/\s+/).filter(Boolean).length;
  let score = 30;
  if (/\p{N}/u.test(opening)) score += 15;
  score += 12 * Math.min(2, distinctHits(opening.toLowerCase(), openingTokens, lexicon.hook).length);
  if (opening.includes('?') || countStemHits(openingTokens, lexicon.secondPerson) > 0) score += 10;
  if (countStemHits(openingTokens, lexicon.emotion) > 0) score += 10;
  if (firstLength >= 8 && firstLength <= 25) score += 10;
  if (firstLength > 35) score -= 10;
  if (titleLength >= 3 && titleLength <= 14) score += 8;
  return clamp(score);
}

const HOUR = 3600 * 1000;

/**
 * Freshness from the publish date: up to 1 day 100, 3 days 85, 7 days 65, 30 days 40, a year 20,
 * older 10. Without a usable date: 60 when the text says "today"/"yesterday"/a weekday, 45 when it
 * names the current year, else 25. Dates more than a day in the future are ignored.
 */
export function freshness(profile: TextProfile, publishedAt: string | null | undefined, now: Date): number {
  const published = publishedAt ? Date.parse(publishedAt) : Number.NaN;
  const age = now.getTime() - published;
  if (!Number.isNaN(published) && age > -24 * HOUR) {
    if (age <= 24 * HOUR) return 100;
    if (age <= 72 * HOUR) return 85;
    if (age <= 7 * 24 * HOUR) return 65;
    if (age <= 30 * 24 * HOUR) return 40;
    if (age <= 365 * 24 * HOUR) return 20;
    return 10;
  }
  if (distinctHits(profile.lower, profile.tokens, profile.lexicon.recent).length > 0) return 60;
  if (profile.tokens.includes(String(now.getUTCFullYear()))) return 45;
  return 25;
}

/**
 * News value and freshness: 70% freshness, 30% news signals
 * (20 + 12 per distinct reporting/official/statistics word, max 100).
 */
export function newsScore(profile: TextProfile, publishedAt: string | null | undefined, now: Date): number {
  const signals = Math.min(100, 20 + 12 * distinctHits(profile.lower, profile.tokens, profile.lexicon.news).length);
  return clamp(0.7 * freshness(profile, publishedAt, now) + 0.3 * signals);
}

/**
 * Emotional charge: 20 + 12 per emotional word per 100 words (capped at 60 from density),
 * +5 per exclamation mark (max 10), +10 a direct quote (a human voice), +10 when the emotional
 * words are varied (4 or more different ones).
 */
export function emotionScore(profile: TextProfile): number {
  const { tokens, lexicon, text, lower, wordCount } = profile;
  if (wordCount === 0) return 0;
  const hits = countStemHits(tokens, lexicon.emotion);
  let score = 20 + Math.min(60, (hits / wordCount) * 100 * 12);
  score += Math.min(10, 5 * (text.match(/!/g)?.length ?? 0));
  if (/["«“„][^"»”]{12,}["»”]/u.test(text)) score += 10;
  if (distinctHits(lower, tokens, lexicon.emotion).length >= 4) score += 10;
  return clamp(score);
}

/**
 * Clarity: 100 minus penalties. Average sentence length over 20 words costs 4 per word, under 7
 * costs 3 per word; the share of sentences over 30 words costs up to 40; the share of long words
 * (13+ letters, 15+ in Russian) costs 4 per percent over 5%; one unbroken block of 150+ words
 * costs 10.
 */
export function clarityScore(profile: TextProfile): number {
  const { sentences, tokens, language, paragraphs, wordCount } = profile;
  if (sentences.length === 0) return 0;
  const average = wordCount / sentences.length;
  let score = 100;
  if (average > 20) score -= 4 * (average - 20);
  if (average < 7) score -= 3 * (7 - average);
  score -= 40 * (sentences.filter((s) => s.wordCount > 30).length / sentences.length);
  const longWordLength = language === 'ru' ? 15 : 13;
  const longShare = tokens.filter((t) => t.length >= longWordLength).length / Math.max(1, tokens.length);
  score -= 4 * Math.max(0, longShare * 100 - 5);
  if (paragraphs.length === 1 && wordCount >= 150) score -= 10;
  return clamp(score);
}

/**
 * Audience fit: 35 + 8 per distinct everyday topic (max 32); +10 "you"; +8 concrete numbers;
 * +5 named people or places; material length: under 40 words -15, 80-1500 words +10,
 * over 3000 words -10 (too much to condense).
 */
export function audienceScore(profile: TextProfile): number {
  const { lower, tokens, lexicon, wordCount, sentences, language } = profile;
  let score = 35 + Math.min(32, 8 * distinctHits(lower, tokens, lexicon.audience).length);
  if (countStemHits(tokens, lexicon.secondPerson) > 0) score += 10;
  if (/\p{N}/u.test(lower)) score += 8;
  if (sentences.some((s) => sentenceSignals(s.text, language).names > 0)) score += 5;
  if (wordCount < 40) score -= 15;
  else if (wordCount >= 80 && wordCount <= 1500) score += 10;
  else if (wordCount > 3000) score -= 10;
  return clamp(score);
}
