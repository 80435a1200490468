import type { FormatId, Language } from '../../../contracts/formats.ts';
import { EN_PATTERNS } from './patterns-en.ts';
import { RU_PATTERNS } from './patterns-ru.ts';

/** A claim (a clause without final punctuation), optionally a figure from it. */
export type HookTemplate = (claim: string, figure: string) => string;

/**
 * Hook, lead-in and call-to-action patterns for one language. Every list has several entries so a
 * regenerated scene can rotate to wording it has not used. Patterns frame the source's own words
 * and never add facts.
 */
export interface LanguagePatterns {
  hook: {
    question: HookTemplate[];
    /** For a topic that is itself a question ("Why cats sleep..."). */
    questionForQuestion: HookTemplate[];
    bold: HookTemplate[];
    boldHotTake: HookTemplate[];
    boldForQuestion: HookTemplate[];
    number: HookTemplate[];
    plain: HookTemplate[];
    plainForQuestion: HookTemplate[];
  };
  /** Lead-ins before body content, by style; the format-specific question leads come first. */
  bodyQuestion: Record<FormatId, string[]>;
  bodyBold: string[];
  bodyNumber: string[];
  /** "Number one." ... for listicles. */
  ordinals: string[];
  cta: {
    question: Record<FormatId, string[]>;
    bold: Record<FormatId, string[]>;
    plain: string[];
  };
  /**
   * Honest framing sentences for sources too thin to fill the length (`topic` is the idea). Plain
   * ones fill scenes; question and bold ones replace a scene's first framing sentence to style it.
   */
  expansions: Record<'plain' | 'question' | 'bold', Array<(topic: string) => string>>;
  formatExpansions: Record<FormatId, string[]>;
  /** Words that mark a topic phrased as a question. */
  questionWords: RegExp;
}

export const PATTERNS: Record<Language, LanguagePatterns> = { en: EN_PATTERNS, ru: RU_PATTERNS };

/** Picks the entry `offset` places along, wrapping: rotation is how regeneration finds new wording. */
export function pick<T>(list: readonly T[], offset: number): T {
  const item = list[((offset % list.length) + list.length) % list.length];
  if (item === undefined) throw new Error('pattern list is empty');
  return item;
}
