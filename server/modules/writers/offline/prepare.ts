import { SPEAKING_RATE_WPS } from '../../../../contracts/formats.ts';
import type { GeneratedScene, GeneratedScript, WriteScriptInput } from '../../../../contracts/script.ts';
import type { ContentProfile } from '../../analysis/content-kind.ts';
import { classifyContent } from '../../analysis/content-kind.ts';
import { secondsForWords } from '../../analysis/text-units.ts';
import { targetWordsFor } from '../scene-budget.ts';
import type { CleanSource } from './clean.ts';
import { cleanSource } from './clean.ts';
import { forgetCompressions } from './compress.ts';
import type { Sentence } from './sentences.ts';
import { readSentences } from './sentences.ts';

export interface Prepared {
  input: WriteScriptInput;
  source: CleanSource;
  content: ContentProfile;
  pool: Sentence[];
  targetWords: number;
}

/** Passes 1 and 2: clean text, the kind of content, sentences with roles. */
export function prepare(input: WriteScriptInput): Prepared {
  forgetCompressions();
  const source = cleanSource(input.text, input.title ?? '', input.language);
  const content = classifyContent(source.paragraphs.join('\n\n'), source.title, input.language);
  return { input, source, content, pool: readSentences(source), targetWords: targetWordsFor(input.targetSec, input.language) };
}

/**
 * Too little source to build scenes from: a sentence or two, or under 40 words. An "idea" the
 * author wrote out at length is written from like any text.
 */
export function isBareIdea(prepared: Prepared): boolean {
  const words = prepared.pool.reduce((sum, s) => sum + s.words, 0);
  return prepared.pool.length < 3 || words < 40;
}

export const bestTotal = (scenes: readonly GeneratedScene[]) => scenes.reduce((sum, s) => sum + (s.variants[0]?.words ?? 0), 0);

export function assemble(input: WriteScriptInput, title: string, scenes: GeneratedScene[]): GeneratedScript {
  const totalWords = bestTotal(scenes);
  return {
    language: input.language,
    format: input.format,
    targetSec: input.targetSec,
    title: input.title?.trim() || title,
    scenes,
    totalWords,
    totalSeconds: secondsForWords(totalWords, SPEAKING_RATE_WPS[input.language]),
    writer: 'offline',
  };
}

