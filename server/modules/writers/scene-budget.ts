import type { FormatId, Language } from '../../../contracts/formats.ts';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { WriteScriptInput } from '../../../contracts/script.ts';

/** How a script's length is shared between scenes; the same for every writer. */

export interface ScenePlan {
  role: 'hook' | 'body' | 'cta';
  words: number;
}

/** Typical spoken length of one body scene per format, in words. */
const BODY_SCENE_WORDS: Record<FormatId, number> = { news: 18, 'hook-story': 22, explainer: 24, listicle: 18, comparison: 22, 'hot-take': 20 };
const MAX_BODY_SCENES = 8;

export const targetWordsFor = (targetSec: number, language: Language) => Math.round(targetSec * SPEAKING_RATE_WPS[language]);

export function hookTargetWords(totalWords: number): number {
  return Math.max(8, Math.min(20, Math.round(totalWords * 0.2)));
}

export function closeTargetWords(totalWords: number): number {
  return Math.max(6, Math.min(12, Math.round(totalWords * 0.12)));
}

export function bodySceneCount(format: FormatId, bodyWords: number): number {
  const count = Math.round(bodyWords / BODY_SCENE_WORDS[format]);
  const minimum = format === 'listicle' ? 3 : format === 'comparison' ? 2 : 1;
  const affordable = Math.max(1, Math.floor(bodyWords / 8));
  return Math.max(1, Math.min(MAX_BODY_SCENES, affordable, Math.max(minimum, count)));
}

export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

/** Scene roles and word targets for a script (what an LLM is asked for, and the offline plan's frame). */
export function scenePlan(input: Pick<WriteScriptInput, 'targetSec' | 'language' | 'format'>): ScenePlan[] {
  const total = targetWordsFor(input.targetSec, input.language);
  const hook = hookTargetWords(total);
  const close = closeTargetWords(total);
  const body = Math.max(6, total - hook - close);
  const bodies = splitEvenly(body, bodySceneCount(input.format, body)).map((words) => ({ role: 'body' as const, words }));
  return [{ role: 'hook', words: hook }, ...bodies, { role: 'cta', words: close }];
}
